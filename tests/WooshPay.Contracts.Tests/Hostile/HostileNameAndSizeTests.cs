using System.Reflection;
using Microsoft.CodeAnalysis;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>
/// Enums too large for switches, names that lose characters and names that would hide System types: each compiles,
/// and each is reported (WPC020, WPC021, WPC022) where the schema wrote it.
/// </summary>
public sealed class HostileNameAndSizeTests
{
    private const string Draft = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"";

    [Fact]
    public void A_five_thousand_value_enum_compiles_and_its_values_are_still_checked()
    {
        var values = string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"\"v{i}\""));
        var schema = "{" + Draft + ", \"title\": \"Catalog\", \"type\": \"object\",\n \"properties\": {\"code\": {\"enum\": [" + values + "]}}}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/catalog.schema.json", schema) }, new Dictionary<string, string> { ["WooshPayContractsStrict"] = "true" });

        Assert.Empty(output.CompilationDiagnostics);
        var warning = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal(("WPC020", DiagnosticSeverity.Warning), (warning.Id, warning.DefaultSeverity));
        Assert.Equal("enum of 5,000 values: no named constants beyond 1,024; the values are still checked", warning.GetMessage());
        Assert.Equal((2, 26), LineAndColumn(warning));

        var assembly = GeneratorHarness.Load(output.Compilation);
        var validator = new GeneratedValidator(assembly, "CatalogSchema");
        Assert.True(validator.Validate("{\"code\": \"v4999\"}").IsValid);
        Assert.True(validator.Validate("{\"code\": \"v\\u0030\"}").IsValid);
        var error = Assert.Single(validator.Validate("{\"code\": \"v5000\"}").Errors);
        Assert.Equal(("enum", "/code"), (error.Keyword, error.InstanceLocation));
        Assert.EndsWith(", \"v63\" and 4,936 more.", error.Message);
        Assert.False(validator.Validate("{\"code\": 7}").IsValid);

        var catalog = assembly.GetType(GeneratorHarness.DefaultNamespace + ".Catalog")!;
        var parse = catalog.GetMethod("Parse", new[] { typeof(string) })!;
        Assert.NotNull(parse.Invoke(null, new object[] { "{\"code\": \"v2500\"}" }));
        var rejected = Assert.Throws<TargetInvocationException>(() => parse.Invoke(null, new object[] { "{\"code\": \"v-1\"}" }));
        Assert.Contains("/code", rejected.InnerException!.Message);
        Assert.Contains("(\"v0\", \"v1\", \"v2\", \"v3\", \"v4\", \"v5\", \"v6\", \"v7\", \"v8\", \"v9\" and 4,990 more)", rejected.InnerException.Message);

        var code = assembly.GetType(GeneratorHarness.DefaultNamespace + ".CatalogCode")!;
        var known = (System.Collections.IEnumerable)code.GetProperty("KnownValues")!.GetValue(null)!;
        Assert.Equal(5_000, known.Cast<object>().Count());
        Assert.Equal("v4999", known.Cast<object>().Last().ToString());
        Assert.Equal(1_024, code.GetProperties(BindingFlags.Public | BindingFlags.Static).Count(p => p.PropertyType == code));
        Assert.True(IsKnown(code, "v1023"));
        Assert.True(IsKnown(code, "v4000"));
        Assert.False(IsKnown(code, "V4000"));
    }

    [Fact]
    public void A_large_value_set_with_other_kinds_checks_each_kind()
    {
        var strings = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"s{i}\""));
        var schema = "{" + Draft + ", \"title\": \"Mixed\", \"enum\": [1, " + strings + ", null, true]}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/mixed.schema.json", schema) });

        Assert.Empty(output.CompilationDiagnostics);
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "MixedSchema");
        foreach (var valid in new[] { "1", "\"s0\"", "\"s99\"", "null", "true" })
        {
            Assert.True(validator.Validate(valid).IsValid, valid);
        }

        foreach (var invalid in new[] { "2", "\"s100\"", "\"\"", "false", "[]" })
        {
            Assert.False(validator.Validate(invalid).IsValid, invalid);
        }
    }

    [Fact]
    public void A_name_that_loses_characters_is_reported_at_the_text_it_came_from()
    {
        var schema = "{" + Draft + ",\n \"title\": \"Paiement💰-ü\", \"type\": \"object\",\n \"properties\": {\"montant€\": {\"type\": \"integer\"}, \"payment_intent\": {\"enum\": [\"checkout.session\", \"a+b\"]}},\n"
            + " \"$defs\": {\"Carte✓\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}}}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/paiement.schema.json", schema) });

        Assert.Empty(output.CompilationDiagnostics);
        var lost = output.GeneratorDiagnostics.Where(d => d.Id == "WPC021").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[]
        {
            "Title \"Paiement\\ud83d\\udcb0-ü\" has characters a C# name cannot hold; the name used is 'PaiementÜ'",
            "Property \"montant€\" has characters a C# name cannot hold; the name used is 'Montant'",
            "Enum value \"a+b\" has characters a C# name cannot hold; the name used is 'AB'",
            "$defs key \"Carte✓\" has characters a C# name cannot hold; the name used is 'Carte'",
        }, lost.Select(d => d.GetMessage()));
        Assert.All(lost, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.Equal((2, 11), LineAndColumn(lost[0]));
        Assert.Equal((3, 69), LineAndColumn(lost[2]));
        Assert.Equal(output.GeneratorDiagnostics.Length, lost.Count);
        var assembly = GeneratorHarness.Load(output.Compilation);
        Assert.NotNull(assembly.GetType(GeneratorHarness.DefaultNamespace + ".PaiementÜ"));
        Assert.NotNull(assembly.GetType(GeneratorHarness.DefaultNamespace + ".PaiementÜSchema"));
    }

    [Fact]
    public void A_type_named_like_a_System_type_is_renamed_so_consumer_code_still_means_System()
    {
        var schema = "{" + Draft + ",\n \"title\": \"String\", \"type\": \"object\", \"properties\": {\"id\": {\"$ref\": \"#/$defs/guid\"}, \"at\": {\"type\": \"string\"}},\n"
            + " \"$defs\": {\"guid\": {\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"string\"}}}, \"math\": {\"enum\": [\"min\", \"max\"]}}}";
        const string consumer = "using System;\nnamespace WooshPay.Contracts;\npublic static class Consumer\n{\n"
            + "    public static string Empty => String.Empty + Guid.Empty + Math.Max(1, 2);\n"
            + "    public static StringModel Make() => new StringModel { Id = new GuidModel { Value = \"x\" } };\n}\n";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/string.schema.json", schema) }, userSource: consumer);

        Assert.Empty(output.CompilationDiagnostics);
        var hidden = output.GeneratorDiagnostics.Where(d => d.Id == "WPC022").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[]
        {
            "Type name 'String' would hide System.String in the generated namespace; the type is named 'StringModel'",
            "Type name 'Guid' would hide System.Guid in the generated namespace; the type is named 'GuidModel'",
            "Type name 'Math' would hide System.Math in the generated namespace; the type is named 'MathModel'",
        }, hidden.Select(d => d.GetMessage()));
        Assert.Equal((2, 11), LineAndColumn(hidden[0]));
        var assembly = GeneratorHarness.Load(output.Compilation);
        Assert.NotNull(assembly.GetType(GeneratorHarness.DefaultNamespace + ".StringSchema"));
        Assert.NotNull(assembly.GetType(GeneratorHarness.DefaultNamespace + ".MathModel"));
    }

    private static bool IsKnown(Type enumType, string value)
        => (bool)enumType.GetProperty("IsKnown")!.GetValue(Activator.CreateInstance(enumType, value))!;

    private static (int Line, int Column) LineAndColumn(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }
}
