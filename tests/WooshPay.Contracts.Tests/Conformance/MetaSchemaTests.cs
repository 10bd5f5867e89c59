using WooshPay.Contracts.Generator.Linking;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Conformance;

/// <summary>The embedded draft 2020-12 meta-schemas and $vocabulary.</summary>
public sealed class MetaSchemaTests
{
    private const string Draft = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"";

    [Fact]
    public void The_embedded_meta_schemas_parse_without_errors()
    {
        // A format the generator does not assert yet ("regex") is the only thing the parser may remark on.
        Assert.All(MetaSchemaLibrary.ParseDiagnostics(), d => Assert.Equal("WPC008", d.Diagnostic.Id));
        Assert.Equal(8, MetaSchemaLibrary.Files.Length);
    }

    [Theory]
    [InlineData("{\"type\": \"string\", \"minLength\": 2}", true)]
    [InlineData("{\"type\": \"strin\"}", false)]
    [InlineData("{\"minLength\": -1}", false)]
    [InlineData("{\"properties\": {\"a\": {\"required\": [\"x\", \"x\"]}}}", false)]
    [InlineData("{\"$defs\": {\"a\": {\"allOf\": []}}}", false)]
    [InlineData("true", true)]
    [InlineData("42", false)]
    public void A_ref_to_the_meta_schema_validates_schemas(string instance, bool valid)
    {
        var schema = "{" + Draft + ", \"$ref\": \"https://json-schema.org/draft/2020-12/schema\"}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/schema-document.schema.json", schema, new Dictionary<string, string> { ["GenerateModels"] = "false" }) });

        // The only notice is WPC050 (the meta-schemas' $dynamicRef keeps them on the interpreter), which is information, not a problem.
        Assert.All(output.GeneratorDiagnostics, d => Assert.Equal("WPC050", d.Id));
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "SchemaDocumentSchema");
        Assert.Equal(valid, validator.Validate(instance).IsValid);
    }

    [Fact]
    public void Without_a_meta_schema_reference_nothing_is_added_to_the_compilation()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/a.schema.json", "{" + Draft + ", \"type\": \"string\"}") });

        Assert.DoesNotContain(output.Sources, s => s.HintName.StartsWith("JsonSchemaDraft202012", StringComparison.Ordinal));
    }

    [Fact]
    public void A_meta_schema_without_the_validation_vocabulary_makes_those_keywords_annotations()
    {
        var meta = "{" + Draft + ", \"$id\": \"https://schemas.example.com/no-validation\", \"$vocabulary\": {"
            + "\"https://json-schema.org/draft/2020-12/vocab/core\": true, \"https://json-schema.org/draft/2020-12/vocab/applicator\": true}, "
            + "\"$dynamicAnchor\": \"meta\", \"allOf\": [{\"$ref\": \"https://json-schema.org/draft/2020-12/meta/core\"}, {\"$ref\": \"https://json-schema.org/draft/2020-12/meta/applicator\"}]}";
        var schema = "{\"$schema\": \"https://schemas.example.com/no-validation\", \"properties\": {\"n\": {\"minimum\": 10}, \"bad\": false}}";
        var validationOnly = new Dictionary<string, string> { ["GenerateModels"] = "false" };

        var output = GeneratorHarness.Run(new[]
        {
            new SchemaInput("/project/no-validation.schema.json", meta, validationOnly),
            new SchemaInput("/project/loose.schema.json", schema, validationOnly),
        });

        // The only notice is WPC050 (the meta-schemas' $dynamicRef keeps them on the interpreter), which is information, not a problem.
        Assert.All(output.GeneratorDiagnostics, d => Assert.Equal("WPC050", d.Id));
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "LooseSchema");
        Assert.True(validator.Validate("{\"n\": 1}").IsValid);
        Assert.False(validator.Validate("{\"bad\": 1}").IsValid);
    }

    [Fact]
    public void A_dialect_that_is_neither_2020_12_nor_a_meta_schema_of_the_project_is_WPC009_at_its_value()
    {
        var schema = "{\n  \"$schema\": \"https://schemas.example.com/unknown-dialect\",\n  \"type\": \"string\"\n}";

        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/odd.schema.json", schema) });

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC009", diagnostic.Id);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal((2, 14), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
    }
}
