using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Linking;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Parsing.OpenApi;

/// <summary>
/// The operations of a document: per operation its method, path, request body and responses by status. A body schema
/// that is a reference to a component is that component; any other body schema (inline, or a reference into a
/// component) becomes a schema of its own, named after the operation (<c>{Operation}Request</c>,
/// <c>{Operation}Response{Status}</c>), so that it has a validator and, for an object, a model.
/// </summary>
internal static partial class OpenApiDocumentReader
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private static List<OperationSpec> ReadOperations(
        JsonValue root, string documentUri, Action<JsonValue, string, string?, bool> addSchema, Views views, List<DiagnosticInfo> diagnostics, Func<TextSpan, LocationInfo> at)
    {
        var operations = new List<OperationSpec>();
        if (root["paths"] is not { Kind: JsonKind.Object } paths)
        {
            return operations;
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pathItem in paths.Members.Where(p => p.Value.Kind == JsonKind.Object))
        {
            foreach (var method in pathItem.Value.Members.Where(m => s_methods.Contains(m.Name) && m.Value.Kind == JsonKind.Object))
            {
                var operation = method.Value;
                var operationId = operation["operationId"] is { Kind: JsonKind.String } id ? id.Text : null;
                var preferred = (operationId is null ? null : NameHelper.ToPascalCase(operationId))
                    ?? NameHelper.ToPascalCase(method.Name + " " + pathItem.Name.Replace("{", " by ").Replace("}", " "))
                    ?? "Operation";
                var name = NameHelper.Unique(preferred, taken);
                if (name != preferred)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOperationName, at(method.NameSpan),
                        method.Name.ToUpperInvariant() + " " + pathItem.Name, preferred, name));
                }

                var request = Resolve(root, operation["requestBody"]) is { Kind: JsonKind.Object } requestBody
                    ? Body(root, requestBody, requestBody["required"]?.Kind == JsonKind.True, documentUri, name + "Request", $"{documentUri}/operations/{name}/request", addSchema, views, RequestView)
                    : null;

                var responses = new List<OperationResponseSpec>();
                if (operation["responses"] is { Kind: JsonKind.Object } declared)
                {
                    foreach (var response in declared.Members)
                    {
                        if (Resolve(root, response.Value) is not { Kind: JsonKind.Object } resolved)
                        {
                            continue;
                        }

                        var status = response.Name;
                        var suffix = NameHelper.ToPascalCase(status) ?? "Status";
                        var body = Body(root, resolved, required: true, documentUri, name + "Response" + suffix.TrimStart('_'),
                            $"{documentUri}/operations/{name}/responses/{Uri.EscapeDataString(status)}", addSchema, views, ResponseView);
                        responses.Add(new OperationResponseSpec(status, resolved["description"]?.Text, body));
                    }
                }

                var summary = (operation["summary"] ?? operation["description"]) is { Kind: JsonKind.String } text ? text.Text : null;
                operations.Add(new OperationSpec(name, operationId, method.Name.ToUpperInvariant(), pathItem.Name, summary, request, responses.ToEquatableArray())
                {
                    Parameters = Parameters(root, pathItem.Value["parameters"], operation["parameters"]),
                });
            }
        }

        return operations;
    }

    /// <summary>
    /// The parameters of the path item, then the operation's: one of the operation replaces the path's of the same name and
    /// location. A reference (<c>#/components/parameters/x</c>) is followed; an entry without a string name and location is
    /// skipped. A path parameter is always required (OpenAPI says it must be).
    /// </summary>
    private static EquatableArray<OperationParameterSpec> Parameters(JsonValue root, JsonValue? pathLevel, JsonValue? operationLevel)
    {
        var parameters = new List<OperationParameterSpec>();
        foreach (var list in new[] { pathLevel, operationLevel })
        {
            foreach (var entry in list is { Kind: JsonKind.Array } ? list.Items : Array.Empty<JsonValue>())
            {
                if (Resolve(root, entry) is not { Kind: JsonKind.Object } parameter
                    || parameter["name"] is not { Kind: JsonKind.String } name || parameter["in"] is not { Kind: JsonKind.String } location)
                {
                    continue;
                }

                var spec = new OperationParameterSpec(name.Text!, location.Text!, location.Text == "path" || parameter["required"]?.Kind == JsonKind.True);
                var same = parameters.FindIndex(p => p.Name == spec.Name && p.In == spec.In);
                if (same >= 0)
                {
                    parameters[same] = spec;
                }
                else
                {
                    parameters.Add(spec);
                }
            }
        }

        return parameters.ToEquatableArray();
    }

    /// <summary>The first JSON media type of a request body or response (<c>application/json</c>, <c>*+json</c>), else its first one without a schema.</summary>
    private static OperationBodySpec? Body(
        JsonValue root, JsonValue holder, bool required, string documentUri, string typeName, string uri, Action<JsonValue, string, string?, bool> addSchema, Views views, string dropped)
    {
        if (holder["content"] is not { Kind: JsonKind.Object } content || content.Members.Count == 0)
        {
            return null;
        }

        var json = content.Members.FirstOrDefault(m => IsJsonMediaType(m.Name));
        if (json is null || json.Value["schema"] is not { } schema)
        {
            return new OperationBodySpec((json ?? content.Members[0]).Name, required, null, null);
        }

        if (ComponentKey(schema) is { } key && root["components"]?["schemas"]?[key] is not null)
        {
            var componentUri = ComponentUri(documentUri, key);
            return new OperationBodySpec(json.Name, required, componentUri, views.For(key, schema, dropped, string.Empty, string.Empty) ?? componentUri);
        }

        addSchema(schema, uri, typeName, true);
        return new OperationBodySpec(json.Name, required, uri, views.For(null, schema, dropped, uri + "/view", typeName + "View") ?? uri);
    }

    private static bool IsJsonMediaType(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The key of a schema that is only <c>{"$ref": "#/components/schemas/key"}</c>; else null.</summary>
    private static string? ComponentKey(JsonValue schema)
    {
        if (schema.Kind != JsonKind.Object || schema.Members.Count != 1 || schema["$ref"] is not { Kind: JsonKind.String } reference
            || !reference.Text!.StartsWith(ComponentsPointer, StringComparison.Ordinal))
        {
            return null;
        }

        var key = reference.Text.Substring(ComponentsPointer.Length);
        return key.IndexOf('/') >= 0 ? null : JsonPointer.Unescape(Uri.UnescapeDataString(key));
    }

    /// <summary>Follows a local <c>$ref</c> of a request body or response (<c>#/components/responses/x</c>); a cycle or a dangling one gives null.</summary>
    private static JsonValue? Resolve(JsonValue root, JsonValue? value)
    {
        for (var hops = 0; value is { Kind: JsonKind.Object } && value["$ref"] is { Kind: JsonKind.String } reference; hops++)
        {
            if (hops == 32 || !reference.Text!.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            value = At(root, reference.Text.Substring(2));
        }

        return value;
    }

    /// <summary>The value a JSON pointer (as a URI fragment writes it, without its leading <c>#/</c>) names below <paramref name="start"/>; null when none.</summary>
    private static JsonValue? At(JsonValue? start, string pointer)
    {
        var value = start;
        foreach (var token in pointer.Split('/'))
        {
            value = value?[JsonPointer.Unescape(Uri.UnescapeDataString(token))];
        }

        return value;
    }

    /// <summary>The file's <c>TypeName</c> metadata, else the title in PascalCase with <c>Api</c> added unless it ends so ("WooshPay API" is WooshPayApi).</summary>
    private static string OperationsClassName(string path, string? title, string? typeName)
    {
        if (typeName is not null)
        {
            return typeName;
        }

        var name = (title is null ? null : NameHelper.ToPascalCase(title)) ?? NameHelper.ToPascalCase(System.IO.Path.GetFileName(path).Split('.')[0]) ?? "Document";
        return name.EndsWith("Api", StringComparison.Ordinal) ? name : name + "Api";
    }
}
