using System.Text.Json.Nodes;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Schemas;

/// <summary>The hand-written schemas follow the contract's conventions and are standard JSON Schema.</summary>
public sealed class SchemaConventionTests
{
    public static TheoryData<string> SchemaFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public async Task The_schema_loads_in_njsonschema(string fileName)
    {
        // A standard schema, not a private dialect: another implementation reads it without error and sees what we see.
        // (NJsonSchema 11 predates $defs and cannot follow a reference into them when validating: see Differential/known-differences.md.)
        var path = Path.Combine(RepoPaths.Schemas, fileName);
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(path);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();

        Assert.Equal((string?)root["title"], schema.Title);
        var declared = (root["properties"] as JsonObject)?.Select(p => p.Key) ?? Enumerable.Empty<string>();
        Assert.Equal(declared.Order(), schema.Properties.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void The_schema_has_its_identity_and_every_property_a_description(string fileName)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, fileName)))!.AsObject();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)root["$schema"]);
        Assert.Equal("https://wooshpay-contracts.example/v1/" + fileName, (string?)root["$id"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)root["title"]));
        Assert.Empty(Undescribed(root, string.Empty));
    }

    public static TheoryData<string> RequestSchemaFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Schemas, "*.request.schema.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        Assert.Equal(6, data.Cast<object[]>().Count());
        return data;
    }

    [Theory]
    [MemberData(nameof(RequestSchemaFiles))]
    public void A_request_schema_is_closed_at_every_object(string fileName)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, fileName)))!.AsObject();

        Assert.Empty(OpenObjects(root, string.Empty));
    }

    /// <summary>Pointers of property schemas with no description.</summary>
    private static IEnumerable<string> Undescribed(JsonNode? node, string pointer)
    {
        if (node is not JsonObject obj)
        {
            return node is JsonArray array ? array.SelectMany((item, i) => Undescribed(item, $"{pointer}/{i}")) : [];
        }

        var missing = new List<string>();
        if (obj["properties"] is JsonObject properties)
        {
            missing.AddRange(properties.Where(p => p.Value is JsonObject s && s["description"] is null).Select(p => $"{pointer}/properties/{p.Key}"));
        }

        return missing.Concat(obj.SelectMany(member => Undescribed(member.Value, $"{pointer}/{member.Key}")));
    }

    /// <summary>Pointers of objects declaring properties without additionalProperties: false.</summary>
    private static IEnumerable<string> OpenObjects(JsonNode? node, string pointer)
    {
        if (node is not JsonObject obj)
        {
            return node is JsonArray array ? array.SelectMany((item, i) => OpenObjects(item, $"{pointer}/{i}")) : [];
        }

        var open = obj["properties"] is JsonObject && obj["additionalProperties"]?.GetValueKind() != System.Text.Json.JsonValueKind.False
            ? new[] { pointer }
            : [];
        // Conditions (if/then/else, not) only constrain what the closed object already allows: they stay open.
        return open.Concat(obj.Where(member => member.Key is not ("if" or "then" or "else" or "not"))
            .SelectMany(member => OpenObjects(member.Value, $"{pointer}/{member.Key}")));
    }
}
