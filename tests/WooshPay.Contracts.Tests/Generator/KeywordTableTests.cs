using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>The keyword table (generator/Model/Keywords.cs) matches what the parser stores, the emitter writes and the runtime has.</summary>
public sealed class KeywordTableTests
{
    // One valid value per keyword of the table.
    private static readonly Dictionary<string, string> s_samples = new(StringComparer.Ordinal)
    {
        ["$ref"] = "\"#/$defs/d\"", ["$dynamicRef"] = "\"#/$defs/d\"", ["$dynamicAnchor"] = "\"anchor\"",
        ["type"] = "\"object\"", ["enum"] = "[{}]", ["const"] = "{}",
        ["multipleOf"] = "2", ["maximum"] = "9", ["exclusiveMaximum"] = "9", ["minimum"] = "1", ["exclusiveMinimum"] = "1",
        ["maxLength"] = "9", ["minLength"] = "1", ["pattern"] = "\"^a\"",
        ["maxItems"] = "9", ["minItems"] = "1", ["uniqueItems"] = "true", ["maxContains"] = "9", ["minContains"] = "1",
        ["maxProperties"] = "9", ["minProperties"] = "1", ["required"] = "[\"a\"]", ["dependentRequired"] = "{\"a\": [\"b\"]}",
        ["format"] = "\"uuid\"",
        ["allOf"] = "[true]", ["anyOf"] = "[true]", ["oneOf"] = "[true]", ["not"] = "false", ["if"] = "true", ["then"] = "true", ["else"] = "true",
        ["properties"] = "{\"a\": true}", ["patternProperties"] = "{\"^b\": true}", ["additionalProperties"] = "true",
        ["propertyNames"] = "true", ["dependentSchemas"] = "{\"a\": true}",
        ["prefixItems"] = "[true]", ["items"] = "true", ["contains"] = "true",
        ["unevaluatedProperties"] = "true", ["unevaluatedItems"] = "true",
    };

    private static readonly string s_schema = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$defs\": {\"d\": true}, "
        + string.Join(", ", s_samples.Select(kv => $"\"{kv.Key}\": {kv.Value}")) + "}";

    [Fact]
    public void The_samples_cover_the_table_and_nothing_else()
        => Assert.Equal(Keywords.All.Select(k => k.Name).OrderBy(n => n, StringComparer.Ordinal), s_samples.Keys.OrderBy(n => n, StringComparer.Ordinal));

    [Fact]
    public void The_parser_knows_and_stores_every_keyword_of_the_table()
    {
        var spec = SchemaParser.Parse("/project/all.schema.json", s_schema, "file:///project/all.schema.json", new SchemaFileOptions(false, null));

        Assert.Empty(spec.Diagnostics);
        Assert.All(Keywords.All, keyword => Assert.True(keyword.IsSet(spec.Nodes[0]), keyword.Name + " is not stored by the parser"));
    }

    [Fact]
    public void The_emitter_writes_every_keyword_to_the_runtime_member_the_table_names()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/all.schema.json", s_schema, new Dictionary<string, string> { ["GenerateModels"] = "false" }) });

        // The only notice is WPC050 (unevaluatedProperties keeps this file on the interpreter), which is information, not a problem.
        Assert.All(output.GeneratorDiagnostics, d => Assert.Equal("WPC050", d.Id));
        var source = output.Sources.Single(s => s.HintName == "AllSchema.g.cs").SourceText.ToString();
        var node = GeneratorHarness.Load(output.Compilation).GetType(GeneratorHarness.DefaultNamespace + ".Runtime.SchemaNode")!;
        Assert.All(Keywords.All, keyword =>
        {
            Assert.Contains($"n[0].{keyword.RuntimeMember}", source);
            Assert.NotEmpty(node.GetMember(keyword.RuntimeMember));
        });
    }

    [Fact]
    public void Removing_a_keyword_removes_it_and_nothing_else()
    {
        var node = SchemaParser.Parse("/project/all.schema.json", s_schema, "file:///project/all.schema.json", new SchemaFileOptions(false, null)).Nodes[0];

        Assert.All(Keywords.All, keyword =>
        {
            var removed = keyword.Remove(node);
            Assert.False(keyword.IsSet(removed), keyword.Name + " is still set");
            Assert.All(Keywords.All.Where(other => other != keyword), other => Assert.True(other.IsSet(removed), $"removing {keyword.Name} removed {other.Name}"));
        });
    }

    [Theory]
    [InlineData("{\"pattern\": \"^a\", \"maxLength\": 3, \"format\": \"uuid\"}", true)]
    [InlineData("{\"type\": \"string\", \"minItems\": 1, \"properties\": {}}", true)]
    [InlineData("{\"type\": [\"string\", \"null\"]}", false)]
    [InlineData("{\"enum\": [\"a\"]}", false)]
    [InlineData("{\"$ref\": \"#\"}", false)]
    [InlineData("{\"anyOf\": [true]}", false)]
    [InlineData("false", false)]
    public void Only_string_keywords_and_keywords_of_other_types_let_a_name_be_checked_as_a_plain_string(string schema, bool stringsOnly)
    {
        var spec = SchemaParser.Parse("/project/names.schema.json", schema, "file:///project/names.schema.json", new SchemaFileOptions(false, null));

        Assert.Equal(stringsOnly, Keywords.ChecksStringsOnly(spec.Nodes[0]));
    }
}
