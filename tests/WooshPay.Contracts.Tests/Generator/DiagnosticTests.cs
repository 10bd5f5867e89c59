using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WooshPay.Contracts.Generator;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>
/// Every problem in a schema file is a diagnostic with its own ID at the offending token
/// (file, line, column), never an exception; and each can be suppressed like any other warning.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \"Broken\"";

    // Each case: the schema text (lines joined with \n), the expected ID, and the 1-based line and column of the offending token.
    [Theory]
    [InlineData("{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" }, }\n}", "WPC001", 4, 46)]
    [InlineData("{\n  " + Header + ",\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/$defs/missing\" }\n  }\n}", "WPC002", 4, 20)]
    [InlineData("{\n  " + Header + ",\n  \"nullable\": true\n}", "WPC003", 3, 3)]
    [InlineData("{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"enum\": [\"x-y\", \"x_y\"] } }\n}", "WPC005", 4, 24)]
    [InlineData("{\n  " + Header + ",\n  \"type\": \"integer\",\n  \"minimum\": \"one\"\n}", "WPC006", 4, 14)]
    [InlineData("{\n  " + Header + ",\n  \"type\": \"string\",\n  \"pattern\": \"^(unclosed$\"\n}", "WPC007", 4, 14)]
    [InlineData("{\n  " + Header + ",\n  \"type\": \"string\",\n  \"format\": \"credit-card\"\n}", "WPC008", 4, 13)]
    [InlineData("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"type\": \"string\"\n}", "WPC009", 2, 14)]
    [InlineData("{\n  " + Header + ",\n  \"type\": \"string\",\n  \"type\": \"integer\"\n}", "WPC011", 4, 3)]
    [InlineData("{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"anyOf\": [{ \"$ref\": \"#/$defs/x\" }, { \"$ref\": \"#/$defs/y\" }] } },\n  \"$defs\": { \"x\": { \"properties\": { \"p\": { \"type\": \"string\" } } }, \"y\": { \"properties\": { \"q\": { \"type\": \"string\" } } } }\n}", "WPC040", 4, 24)]
    public void A_broken_schema_gets_its_diagnostic_at_the_offending_token(string schema, string id, int line, int column)
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/broken.schema.json", schema) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics, d => d.Id == id);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/broken.schema.json", position.Path);
        Assert.Equal((line, column), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
    }

    [Fact]
    public void Two_schemas_with_one_type_name_are_reported_and_both_still_compile()
    {
        var schema = "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}";
        var output = GeneratorHarness.Run(new[]
        {
            new SchemaInput("/project/one.schema.json", schema),
            new SchemaInput("/project/two.schema.json", schema),
        });

        // Both names the file yields collide: the validator class and the model.
        var diagnostics = output.GeneratorDiagnostics.Where(d => d.Id == "WPC004").ToList();
        Assert.Equal(new[] { "'Broken'", "'BrokenSchema'" }, diagnostics.Select(d => d.GetMessage().Split(' ')[2]).Order());
        Assert.All(diagnostics, d => Assert.Equal("/project/two.schema.json", d.Location.GetLineSpan().Path));
        Assert.Empty(output.CompilationDiagnostics);
    }

    [Fact]
    public void An_unreadable_file_is_a_diagnostic_not_an_exception()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/empty.schema.json", string.Empty) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Nesting_deeper_than_the_parser_allows_is_a_diagnostic_not_a_stack_overflow()
    {
        var depth = 5000;
        var schema = string.Concat(Enumerable.Repeat("{\"items\":", depth)) + "true" + new string('}', depth);

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/deep.schema.json", schema) });

        Assert.Contains(output.GeneratorDiagnostics, d => d.Id == "WPC001" && d.GetMessage().Contains("nesting"));
    }

    [Fact]
    public void A_warning_can_be_suppressed_like_any_compiler_warning()
    {
        var schema = "{\n  " + Header + ",\n  \"nullable\": true\n}";
        var compilation = GeneratorHarness.CreateCompilation(string.Empty);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["WPC003"] = ReportDiagnostic.Suppress }));

        var input = new[] { new SchemaInput("/project/suppressed.schema.json", schema) };

        var reported = GeneratorHarness.Run(input);
        var suppressed = GeneratorHarness.Run(input, compilation: compilation);

        // The driver applies the compilation's severity options to generator diagnostics, as the compiler does.
        Assert.Contains(reported.GeneratorDiagnostics, d => d.Id == "WPC003");
        Assert.DoesNotContain(suppressed.GeneratorDiagnostics, d => d.Id == "WPC003");
    }

    [Fact]
    public void The_constant_a_WPC005_names_is_the_one_generated()
    {
        var schema = "{\n  " + Header + ",\n  \"enum\": [\"pending\", \"pending\", \"PENDING\"]\n}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/status.schema.json", schema) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC005", diagnostic.Id);
        Assert.Contains("\"PENDING\"", diagnostic.GetMessage());
        Assert.EndsWith("its constant is named 'Pending2'", diagnostic.GetMessage());
        var enumType = GeneratorHarness.Load(output.Compilation).GetType(GeneratorHarness.DefaultNamespace + ".Broken")!;
        Assert.Equal(new[] { "Pending", "Pending2" }, enumType.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == enumType).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("PENDING", enumType.GetProperty("Pending2")!.GetValue(null)!.ToString());
    }

    [Fact]
    public void A_failure_inside_the_generator_is_WPC010_on_the_file_and_not_an_exception()
    {
        var schema = "{\n  " + Header + ",\n  \"type\": \"string\"\n}";
        var failing = new ContractGenerator(_ => throw new InvalidOperationException("injected fault"));

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/faulty.schema.json", schema) }, generator: failing);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC010", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/project/faulty.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("InvalidOperationException: injected fault", diagnostic.GetMessage());
    }
}
