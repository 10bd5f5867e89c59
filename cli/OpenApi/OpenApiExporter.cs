using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NSwag;

namespace WooshPay.Contracts.Tool.OpenApi;

/// <summary>The OpenAPI versions the export writes.</summary>
public enum OpenApiVersion
{
    /// <summary>OpenAPI 3.1.0: the schemas as written (draft 2020-12), each <c>$defs</c> entry a component.</summary>
    V31,

    /// <summary>OpenAPI 3.0.3: the schemas down-converted.</summary>
    V30,
}

/// <summary>An exported document and what the down-conversion could not carry over.</summary>
/// <param name="Json">The document, indented, with a final newline.</param>
/// <param name="Notes">Places the 3.0 form cannot express exactly (empty for 3.1).</param>
public sealed record OpenApiExport(string Json, IReadOnlyList<DownConversionNote> Notes);

/// <summary>
/// Builds the WooshPay API description: the document (info, servers, security, paths, operations, parameters,
/// bodies, responses, examples) with NSwag.Core's model, serialized by NSwag; then the component schemas, which
/// NJsonSchema's draft-04 model cannot hold (it has no <c>$defs</c>, <c>const</c>, <c>if</c>/<c>then</c>/<c>else</c>,
/// draft 2020-12 <c>exclusiveMinimum</c> or type arrays), are written from the schema files themselves.
/// </summary>
public static class OpenApiExporter
{
    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";
    private const string SecuritySchemeName = "basicAuth";

    /// <summary>Exports the contract as an OpenAPI document of <paramref name="version"/>.</summary>
    public static OpenApiExport Export(OpenApiVersion version)
    {
        var files = ContractSources.LoadSchemas();
        var names = new ComponentNames(files);
        var document = BuildDocument(names);
        var json = JsonNode.Parse(document.ToJson())!.AsObject();

        var root = new JsonObject
        {
            ["openapi"] = version == OpenApiVersion.V31 ? "3.1.0" : "3.0.3",
        };
        if (version == OpenApiVersion.V31)
        {
            root["jsonSchemaDialect"] = Dialect;
        }

        foreach (var (key, value) in json.ToList())
        {
            if (key is not ("openapi" or "x-generator"))
            {
                json.Remove(key);
                root[key] = value;
            }
        }

        var notes = new List<DownConversionNote>();
        var schemas = root["components"]!["schemas"]!.AsObject();
        foreach (var (name, file, definitionKey) in names.Components())
        {
            var schema = (JsonObject)(definitionKey is null ? file.Root.DeepClone() : file.Root["$defs"]![definitionKey]!.DeepClone());
            SchemaTree.RewriteReferences(schema, file.FileName, names);

            // The document is the schema resource now: an $id would move the base URI of its references.
            schema.Remove("$id");
            schema.Remove("$schema");
            schema.Remove("$defs");
            if (version == OpenApiVersion.V30)
            {
                OpenApi30SchemaConverter.Convert(schema, "/components/schemas/" + name, notes);
            }

            schemas[name] = schema;
        }

        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return new OpenApiExport(text.Replace("\r\n", "\n") + "\n", notes);
    }

    private static OpenApiDocument BuildDocument(ComponentNames names)
    {
        var document = new OpenApiDocument
        {
            SchemaType = SchemaType.OpenApi3,
            Info = new OpenApiInfo
            {
                Title = "WooshPay API",
                Version = "v1",
                Description = "PaymentIntents, Checkout Sessions and Refunds of the WooshPay payments API, described from the WooshPay contract schemas. "
                    + "Timestamps are milliseconds since the Unix epoch; amounts are integers in the currency's minor unit.",
            },
        };
        document.Servers.Add(new OpenApiServer { Url = "https://apitest.wooshpay.com", Description = "Test mode (keys sk_test_/pk_test_)." });
        document.Servers.Add(new OpenApiServer { Url = "https://api.wooshpay.com", Description = "Live mode (keys sk_live_/pk_live_)." });
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "basic",
            Description = "HTTP Basic: the secret key as the user name, an empty password.",
        };
        document.Security = new List<OpenApiSecurityRequirement> { new() { [SecuritySchemeName] = Array.Empty<string>() } };

        // Placeholders: NSwag writes "$ref": "#/components/schemas/<key>" for a reference to a registered schema;
        // the export replaces each placeholder with the real schema afterwards.
        var components = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var (name, _, _) in names.Components())
        {
            components[name] = new JsonSchema();
            document.Components.Schemas[name] = components[name];
        }

        var sampleFiles = ContractSources.SampleNames();
        foreach (var operation in WooshPayOperations.All)
        {
            if (!document.Paths.TryGetValue(operation.Path, out var pathItem))
            {
                document.Paths[operation.Path] = pathItem = new OpenApiPathItem();
            }

            pathItem[operation.Method] = BuildOperation(operation, names, components, sampleFiles);
        }

        return document;
    }

    private static OpenApiOperation BuildOperation(
        ApiOperation operation, ComponentNames names, Dictionary<string, JsonSchema> components, IReadOnlyList<string> sampleFiles)
    {
        var result = new OpenApiOperation { OperationId = operation.OperationId, Summary = operation.Summary };
        result.Tags.Add(operation.Tag);

        if (operation.IdDefinition is { } idDefinition)
        {
            result.Parameters.Add(new OpenApiParameter
            {
                Name = "id",
                Kind = OpenApiParameterKind.Path,
                IsRequired = true,
                Description = "Identifier of the object.",
                Schema = Reference(names.ReferenceToDefinition(WooshPayOperations.CommonFile, idDefinition), components),
            });
        }

        if (operation.RequestSchemaFile is { } requestFile)
        {
            result.RequestBody = new OpenApiRequestBody
            {
                IsRequired = true,
                Content = { ["application/json"] = MediaType(Reference(names.ReferenceToFile(requestFile), components), requestFile, sampleFiles) },
            };
        }

        result.Responses["200"] = new OpenApiResponse
        {
            Description = "The object.",
            Content = { ["application/json"] = MediaType(Reference(names.ReferenceToFile(operation.ResponseSchemaFile), components), operation.ResponseSchemaFile, sampleFiles) },
        };

        var error = names.ReferenceToDefinition(WooshPayOperations.CommonFile, WooshPayOperations.ErrorDefinition);
        foreach (var (status, description) in WooshPayOperations.ErrorResponses)
        {
            result.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = { ["application/json"] = new OpenApiMediaType { Schema = Reference(error, components) } },
            };
        }

        return result;
    }

    /// <summary>NSwag's reference to the component <paramref name="target"/> (written as <c>#/components/schemas/&lt;key&gt;</c>).</summary>
    private static JsonSchema Reference(string target, Dictionary<string, JsonSchema> components)
        => new() { Reference = components[target.Substring(target.LastIndexOf('/') + 1)] };

    private static OpenApiMediaType MediaType(JsonSchema schema, string schemaFile, IReadOnlyList<string> sampleFiles)
    {
        var media = new OpenApiMediaType { Schema = schema };
        foreach (var (name, sampleFile) in WooshPayOperations.SamplesFor(schemaFile, sampleFiles))
        {
            media.Examples[name] = new OpenApiExample { Summary = "Canonical sample " + sampleFile, Value = ExampleValue(sampleFile) };
        }

        return media;
    }

    /// <summary>The sample as a JSON.NET token (NSwag's serializer), read without turning date-like strings into dates.</summary>
    private static Newtonsoft.Json.Linq.JToken ExampleValue(string sampleFile)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(ContractSources.LoadSample(sampleFile).ToJsonString()))
        {
            DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
            FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal,
        };
        return Newtonsoft.Json.Linq.JToken.ReadFrom(reader);
    }
}
