extern alias tool;
using System.Text.Json.Nodes;
using WooshPay.Contracts.Tests.Infrastructure;
using tool::WooshPay.Contracts.Tool.OpenApi;
using Xunit;

namespace WooshPay.Contracts.Tests.OpenApi;

/// <summary>
/// The exported WooshPay API description: the committed files are current, two independent readers accept each
/// form without a diagnostic, every reference resolves and every example passes the generated validator.
/// </summary>
public sealed class OpenApiExportTests
{
    public static TheoryData<OpenApiVersion> Versions() => new() { OpenApiVersion.V31, OpenApiVersion.V30 };

    private static string CommittedPath(OpenApiVersion version)
        => Path.Combine(RepoPaths.Root, "openapi", version == OpenApiVersion.V31 ? "wooshpay.openapi.3.1.json" : "wooshpay.openapi.3.0.json");

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_committed_document_is_what_the_export_writes_today(OpenApiVersion version)
    {
        var committed = File.ReadAllText(CommittedPath(version)).Replace("\r\n", "\n");

        Assert.True(committed == OpenApiExporter.Export(version).Json,
            $"{CommittedPath(version)} is stale: run 'dotnet run --project cli -- openapi export --version {(version == OpenApiVersion.V31 ? "3.1" : "3.0")} -o {CommittedPath(version)}'.");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task NSwag_reads_the_document_with_every_operation(OpenApiVersion version)
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(OpenApiExporter.Export(version).Json);

        var operations = document.Operations.Select(o => o.Operation.OperationId).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(WooshPayOperations.All.Select(o => o.OperationId).OrderBy(id => id, StringComparer.Ordinal), operations);
        Assert.Equal(new[] { "https://apitest.wooshpay.com", "https://api.wooshpay.com" }, document.Servers.Select(s => s.Url));
        Assert.Equal("basic", document.Components.SecuritySchemes["basicAuth"].Scheme);
        Assert.All(document.Operations, o => Assert.NotNull(o.Operation.ActualResponses["200"].Content["application/json"].Schema.ActualSchema));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Microsoft_OpenApi_reads_the_document_without_a_diagnostic(OpenApiVersion version)
    {
        var result = Microsoft.OpenApi.OpenApiDocument.Parse(OpenApiExporter.Export(version).Json, "json");

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic!.Warnings.Select(e => e.ToString()));
        Assert.Equal(WooshPayOperations.All.Count, result.Document!.Paths.Values.Sum(p => p.Operations!.Count));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_reference_resolves_inside_the_document(OpenApiVersion version)
    {
        var root = JsonNode.Parse(OpenApiExporter.Export(version).Json)!;
        var references = new List<string>();
        Collect(root, references);

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            Assert.StartsWith("#/", reference);
            Assert.True(Resolve(root, reference.Substring(1)) is JsonObject, $"{reference} does not resolve to a schema.");
        });
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_example_is_a_canonical_sample_and_passes_the_generated_validator_of_its_schema(OpenApiVersion version)
    {
        var root = JsonNode.Parse(OpenApiExporter.Export(version).Json)!;
        var checkedExamples = 0;
        foreach (var media in MediaTypes(root))
        {
            var component = media["schema"]!["$ref"]!.GetValue<string>().Split('/').Last();
            foreach (var (name, example) in media["examples"]?.AsObject() ?? new JsonObject())
            {
                var sampleFile = example!["summary"]!.GetValue<string>().Split(' ').Last();
                var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", sampleFile)));
                Assert.True(JsonNode.DeepEquals(sample, example["value"]), $"Example {name} differs from {sampleFile}.");

                var (isValid, errors, _) = new GeneratedValidator(ContractSchemas.Assembly, component + "Schema").Validate(example["value"]!.ToJsonString());
                Assert.True(isValid, $"{sampleFile} as an example of {component}: {string.Join("; ", errors)}");
                checkedExamples++;
            }
        }

        // Both create requests and responses of each object appear at least once per operation using them.
        Assert.True(checkedExamples >= Directory.GetFiles(Path.Combine(RepoPaths.Payloads, "canonical"), "*.json").Length);
    }

    [Fact]
    public void The_30_form_has_no_draft_2020_12_keyword_left()
    {
        var json = OpenApiExporter.Export(OpenApiVersion.V30).Json;

        foreach (var keyword in new[] { "\"$defs\"", "\"const\"", "\"if\"", "\"then\"", "\"$schema\"", "\"$id\"", "\"contains\"", "\"examples\": [" })
        {
            Assert.DoesNotContain(keyword, json);
        }

        Assert.DoesNotContain("\"type\": [", json);
        Assert.Contains("\"nullable\": true", json);
    }

    [Fact]
    public void The_31_form_carries_every_schema_and_definition_unchanged_but_for_identifiers_and_references()
    {
        var components = JsonNode.Parse(OpenApiExporter.Export(OpenApiVersion.V31).Json)!["components"]!["schemas"]!.AsObject();
        var compared = 0;
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json"))
        {
            var original = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var title = original["title"]!.GetValue<string>();
            var definitions = original["$defs"]?.AsObject() ?? new JsonObject();
            foreach (var (key, definition) in definitions)
            {
                // Named as the generator names the type: its title, else the key, after the owning title unless the file only holds $defs.
                var name = definition!["title"]?.GetValue<string>()
                    ?? (original.ContainsKey("type") ? title : "") + string.Concat(key.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
                AssertSameButReferences(definition.DeepClone().AsObject(), components[name]!.DeepClone().AsObject());
                compared++;
            }

            if (original.ContainsKey("type"))
            {
                foreach (var keyword in new[] { "$id", "$schema", "$defs" })
                {
                    original.Remove(keyword);
                }

                AssertSameButReferences(original, components[title]!.DeepClone().AsObject());
                compared++;
            }
        }

        Assert.Equal(components.Count, compared);
    }

    private static void AssertSameButReferences(JsonObject original, JsonObject exported)
        => Assert.Equal(StripReferences(original).ToJsonString(), StripReferences(exported).ToJsonString());

    [Fact]
    public void Down_conversion_rewrites_conditionals_and_exclusive_bounds_with_the_same_meaning()
    {
        var schema = JsonNode.Parse("""
            { "type": ["integer", "null"], "exclusiveMinimum": 0, "const": 5,
              "if": { "minimum": 10 }, "then": { "maximum": 20 },
              "contains": { "const": "x" }, "propertyNames": { "pattern": "^a" } }
            """)!.AsObject();
        var notes = new List<DownConversionNote>();

        OpenApi30SchemaConverter.Convert(schema, "/s", notes);

        var expected = JsonNode.Parse("""
            { "minimum": 0, "exclusiveMinimum": true, "enum": [5], "nullable": true, "type": "integer",
              "allOf": [
                { "anyOf": [ { "allOf": [ { "minimum": 10 }, { "maximum": 20 } ] }, { "allOf": [ { "not": { "minimum": 10 } }, {} ] } ] },
                { "not": { "type": "array", "items": { "not": { "enum": ["x"], "type": "string" } } } } ],
              "x-jsonschema-propertyNames": { "pattern": "^a" } }
            """);
        Assert.True(JsonNode.DeepEquals(expected, schema), schema.ToJsonString());
        Assert.Equal("/s", Assert.Single(notes).Location);
    }

    private static JsonObject StripReferences(JsonObject schema)
    {
        Collect(schema, new List<string>(), clear: true);
        return schema;
    }

    private static void Collect(JsonNode? node, List<string> references, bool clear = false)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key == "$ref" && value is JsonValue v)
                    {
                        references.Add(v.GetValue<string>());
                        if (clear)
                        {
                            o["$ref"] = "";
                        }
                    }
                    else
                    {
                        Collect(value, references, clear);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, references, clear);
                }

                break;
        }
    }

    private static JsonNode? Resolve(JsonNode root, string pointer)
        => pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~"))
            .Aggregate((JsonNode?)root, (node, token) => node is JsonObject o ? o[token] : node is JsonArray a && int.TryParse(token, out var i) && i < a.Count ? a[i] : null);

    private static IEnumerable<JsonObject> MediaTypes(JsonNode root)
    {
        foreach (var (_, pathItem) in root["paths"]!.AsObject())
        {
            foreach (var (_, operation) in pathItem!.AsObject())
            {
                var bodies = new[] { operation!["requestBody"] }.Concat(operation["responses"]!.AsObject().Select(r => r.Value));
                foreach (var body in bodies)
                {
                    if (body?["content"]?["application/json"] is JsonObject media && media["schema"]?["$ref"] is not null)
                    {
                        yield return media;
                    }
                }
            }
        }
    }
}
