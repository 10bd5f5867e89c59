using Microsoft.CodeAnalysis;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>Schemas written to trip the generator: it reports, renames or escapes, and its output still compiles.</summary>
public sealed class HostileSchemaTests
{
    private const string Draft = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"";

    [Theory]
    [InlineData("names differing only by case", "{" + Draft + ", \"$defs\": {\"api_key\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}, \"APIKey\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}}}")]
    [InlineData("types named like the support namespace and generated members", "{" + Draft + ", \"$defs\": {\"runtime\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}, \"converter\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}, \"value\": {\"enum\": [\"a\", \"b\"]}}}")]
    [InlineData("line separators in descriptions and values", "{" + Draft + ", \"title\": \"Doc\", \"description\": \"one\\u2028two\\rthree\\u0085four\", \"type\": \"object\", \"properties\": {\"k\": {\"description\": \"x\\u2029*/ y\", \"enum\": [\"a\\u2028b\", \"c\"]}}}")]
    [InlineData("property names that are keywords, digits or punctuation", "{" + Draft + ", \"title\": \"Odd\", \"type\": \"object\", \"properties\": {\"class\": {\"type\": \"string\"}, \"3ds_status\": {\"type\": \"string\"}, \"_\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"integer\"}}}, \"금액\": {\"type\": \"integer\"}, \"odd\": {\"type\": \"string\"}, \"to_json\": {\"type\": \"boolean\"}}}")]
    [InlineData("a $ref inside an annotation", "{" + Draft + ", \"title\": \"Annotated\", \"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}, \"examples\": [{\"$ref\": \"#/nowhere\"}], \"x-vendor\": {\"$ref\": \"https://elsewhere.example/a.json\"}}")]
    public void The_generated_code_still_compiles(string because, string schema)
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/hostile.schema.json", schema) });

        Assert.True(output.CompilationDiagnostics.IsEmpty, because + ": " + string.Join(Environment.NewLine, output.CompilationDiagnostics));
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id is "WPC002" or "WPC010");
    }

    [Fact]
    public void A_very_long_reference_chain_neither_overflows_the_stack_nor_fails_the_build()
    {
        const int length = 3_000; // beyond both limits: 256 references for a type, 1,024 evaluation levels
        var defs = string.Join(",", Enumerable.Range(0, length).Select(i => i + 1 < length
            ? $"\"d{i}\": {{\"$ref\": \"#/$defs/d{i + 1}\"}}"
            : $"\"d{i}\": {{\"type\": \"string\"}}"));
        var schema = "{" + Draft + ", \"title\": \"Chain\", \"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/d0\"}}, \"$defs\": {" + defs + "}}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/chain.schema.json", schema) });
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "ChainSchema");

        Assert.Empty(output.CompilationDiagnostics);
        Assert.False(validator.Validate("{\"a\": 1}").IsValid);
    }

    [Theory]
    [InlineData("{\"allOf\": [{\"$ref\": \"#/$defs/dNEXT\"}, {\"minProperties\": 0}]}", 3_000)]
    [InlineData("{\"anyOf\": [{\"$ref\": \"#/$defs/dNEXT\"}]}", 3_000)]
    [InlineData("{\"allOf\": [{\"$ref\": \"#/$defs/dNEXT\"}, {\"properties\": {\"pTHIS\": {\"type\": \"string\"}}}]}", 400)]
    public void A_very_long_composition_chain_neither_overflows_the_stack_nor_fails_the_build(string link, int length)
    {
        // Each link composes the next (or wraps it, as a one-branch anyOf): beyond the 64 schemas a class is flattened from
        // and the 256 references a type is followed through. Run on a 1 MB thread, as small as a compiler's can be.
        var defs = string.Join(",", Enumerable.Range(0, length).Select(i => i + 1 < length
            ? $"\"d{i}\": " + link.Replace("NEXT", (i + 1).ToString(), StringComparison.Ordinal).Replace("THIS", i.ToString(), StringComparison.Ordinal)
            : $"\"d{i}\": {{\"type\": \"object\", \"properties\": {{\"last\": {{\"type\": \"string\"}}}}}}"));
        var schema = "{" + Draft + ", \"title\": \"Chain\", \"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/d0\"}}, \"$defs\": {" + defs + "}}";

        GeneratorOutput? output = null;
        var thread = new Thread(() => output = GeneratorHarness.Run(new[] { new SchemaInput("/project/chain.schema.json", schema) }), 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(output);
        Assert.Empty(output!.CompilationDiagnostics);
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id == "WPC010");
        // A class has the properties of at most 64 schemas, not of the whole chain: the output grows with it, not with its square.
        Assert.All(output.Sources, source => Assert.True(source.SourceText.ToString().Split("JsonPropertyName(").Length - 1 <= 64, source.HintName));
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "ChainSchema");
        Assert.False(validator.Validate("{\"a\": 1}").IsValid);
    }

    [Fact]
    public void A_long_chain_of_allOf_bases_with_discriminators_is_reported_in_messages_of_bounded_size()
    {
        // Each component derives from the one before and has a discriminator of its own. Finding what derives from each base
        // walks what it reaches (not every component per step), the values are matched through sets, and a message lists five
        // problems and counts the rest: before, the search was cubic and each message named every alternative (150 MB of
        // diagnostics for 1,500 components). The deep alternatives cannot be flattened (more than 64 parts), so none of the
        // discriminators makes a hierarchy.
        const int length = 400;
        var components = string.Join(",", Enumerable.Range(0, length).Select(i => i == 0
            ? "\"C0\": {\"type\": \"object\", \"required\": [\"kind\"], \"properties\": {\"kind\": {\"type\": \"string\"}}, \"discriminator\": {\"propertyName\": \"kind\"}}"
            : $"\"C{i}\": {{\"allOf\": [{{\"$ref\": \"#/components/schemas/C{i - 1}\"}}], \"properties\": {{\"p{i}\": {{\"type\": \"string\"}}}}, \"discriminator\": {{\"propertyName\": \"kind\"}}}}"));
        var document = "{\"openapi\": \"3.1.0\", \"components\": {\"schemas\": {" + components + "}}}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/chain.openapi.json", document) });

        Assert.Empty(output.CompilationDiagnostics);
        Assert.Equal(length, output.GeneratorDiagnostics.Length);
        Assert.All(output.GeneratorDiagnostics, d => Assert.True(d.Id is "WPC036" or "WPC037" && d.GetMessage().Length < 1_000, d.ToString()));
        Assert.Contains(output.GeneratorDiagnostics, d => d.GetMessage().EndsWith("and 363 more; the value keeps the shape it has without one", StringComparison.Ordinal));
    }

    [Fact]
    public void Enum_values_without_a_clean_name_are_kept_and_reported()
    {
        var schema = "{" + Draft + ", \"title\": \"Money\", \"type\": \"object\", \"properties\": {\"currency\": {\"enum\": [\"usd\", \"USD\", \"\", \"--\"]}}}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/money.schema.json", schema) });

        Assert.Equal(3, output.GeneratorDiagnostics.Count(d => d.Id == "WPC005"));
        Assert.Empty(output.CompilationDiagnostics);
        var enumType = GeneratorHarness.Load(output.Compilation).GetType("WooshPay.Contracts.MoneyCurrency")!;
        var known = (System.Collections.IEnumerable)enumType.GetProperty("KnownValues")!.GetValue(null)!;
        Assert.Equal(4, known.Cast<object>().Count());
    }

    [Fact]
    public void An_invalid_namespace_setting_is_one_clear_error()
    {
        var schema = "{" + Draft + ", \"title\": \"A\", \"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}";

        var output = GeneratorHarness.Run(
            new[] { new SchemaInput("/project/a.schema.json", schema) },
            new Dictionary<string, string> { ["WooshPayContractsNamespace"] = "My-Company.class" });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("My-Company.class", diagnostic.GetMessage());
        Assert.Empty(output.Sources);
        Assert.Empty(output.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("{\"multipleOf\": 1e-30}", "5", true)]
    [InlineData("{\"multipleOf\": 1e-30}", "5e-31", false)]
    [InlineData("{\"pattern\": \"^[^]*$\"}", "\"any\\ntext\"", true)]
    [InlineData("{\"pattern\": \"^a$\"}", "\"a\\n\"", false)]
    [InlineData("{\"enum\": [\"\\ud800\"]}", "\"x\"", false)]
    [InlineData("{\"uniqueItems\": true}", "[1, 2, 1.0]", false)]
    public void Edge_schemas_validate_without_throwing(string schema, string instance, bool valid)
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/edge.schema.json", schema, new Dictionary<string, string> { ["GenerateModels"] = "false" }) });
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "EdgeSchema");

        Assert.Equal(valid, validator.Validate(instance).IsValid);
    }

    [Fact]
    public void A_long_unique_array_is_checked_without_pairwise_comparison()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/unique.schema.json", "{\"uniqueItems\": true}", new Dictionary<string, string> { ["GenerateModels"] = "false" }) });
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "UniqueSchema");
        var items = string.Join(",", Enumerable.Range(0, 50_000).Select(i => "\"item" + i + "\""));

        Assert.True(validator.Validate("[" + items + "]").IsValid);
        Assert.False(validator.Validate("[" + items + ",\"item7\"]").IsValid);
    }
}
