using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Linking;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Parsing.OpenApi;

/// <summary>What one OpenAPI document contributes: a schema spec per component schema, and the document's own diagnostics.</summary>
internal sealed record OpenApiDocumentSpec(string FilePath, EquatableArray<SchemaFileSpec> Components, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The class that holds one entry per operation (see <see cref="OperationSpec"/>), named from the document's title.</summary>
    public string? OperationsClassName { get; init; }

    public string? Title { get; init; }

    public EquatableArray<OperationSpec> Operations { get; init; } = EquatableArray<OperationSpec>.Empty;
}

/// <summary>
/// Reads an OpenAPI 3.0 or 3.1 document (<c>*.openapi.json</c>) into one schema spec per entry of
/// <c>components/schemas</c>, each parsed by <see cref="SchemaParser"/> exactly as a standalone schema file would be and
/// named from its component key. Each component is a schema resource of its own
/// (<c>&lt;document URI&gt;/components/schemas/&lt;key&gt;</c>), so <c>#/components/schemas/X</c> references are
/// rewritten to that resource and then resolve through the linker like any cross-file reference. OpenAPI 3.0
/// spellings become their draft 2020-12 equivalents on the parsed tree, which keeps every position for diagnostics.
/// </summary>
internal static partial class OpenApiDocumentReader
{
    private const string ComponentsPointer = "#/components/schemas/";
    private static readonly string[] s_suffixes = { ".openapi.json", ".openapi.yaml", ".openapi.yml" };

    // Instance data: never rewritten.
    private static readonly HashSet<string> s_valueKeywords = new(StringComparer.Ordinal) { "enum", "const", "default", "examples" };

    // OpenAPI annotations with no effect on validation or models.
    private static readonly HashSet<string> s_ignoredKeywords = new(StringComparer.Ordinal) { "example", "xml", "externalDocs" };

    /// <summary>True for the file names read as OpenAPI documents.</summary>
    public static bool IsOpenApiFile(string path) => s_suffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads one document. Never throws: problems are diagnostics at the document's line and column.</summary>
    public static OpenApiDocumentSpec Read(string path, string? text, string retrievalUri, SchemaFileOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, new LocationInfo(path, default, default), "the file could not be read"));
            return Done(path, Array.Empty<SchemaFileSpec>(), diagnostics);
        }

        var source = SourceText.From(text);
        LocationInfo At(TextSpan span) => new(path, span, source.Lines.GetLinePositionSpan(span));
        if (ParseText(path, text, At, diagnostics) is not { } root)
        {
            return Done(path, Array.Empty<SchemaFileSpec>(), diagnostics);
        }

        if (root["swagger"] is { } swagger)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SwaggerDocument, At(swagger.Span), swagger.Text ?? swagger.Kind.ToString()));
            return Done(path, Array.Empty<SchemaFileSpec>(), diagnostics);
        }

        var version = root["openapi"];
        if (root.Kind != JsonKind.Object || version is not { Kind: JsonKind.String } || !(version.Text!.StartsWith("3.0", StringComparison.Ordinal) || version.Text.StartsWith("3.1", StringComparison.Ordinal)))
        {
            var reason = version is null ? "it has no 'openapi' member" : $"'openapi' is {(version.Kind == JsonKind.String ? "'" + version.Text + "'" : "not a string")}";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAnOpenApiDocument, At((version ?? root).Span), reason));
            return Done(path, Array.Empty<SchemaFileSpec>(), diagnostics);
        }

        var isOpenApi30 = version.Text!.StartsWith("3.0", StringComparison.Ordinal);
        if (!isOpenApi30 && root["jsonSchemaDialect"] is { } dialect && (dialect.Kind != JsonKind.String || dialect.Text!.TrimEnd('#') != SchemaParser.Draft202012))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedDialect, At(dialect.Span), dialect.Text ?? dialect.Kind.ToString()));
        }

        var documentUri = UriReference.SplitFragment(retrievalUri).Uri;
        var components = new List<SchemaFileSpec>();
        var componentNames = new HashSet<string>(root["components"]?["schemas"] is { Kind: JsonKind.Object } declared ? declared.Members.Select(m => m.Name) : [], StringComparer.Ordinal);
        var rewriter = new Rewriter(documentUri, isOpenApi30, componentNames);
        void AddComponent(JsonValue schema, string uri, string? typeName, bool generateModels)
            => components.Add(SchemaParser.ParseEmbedded(path, source, rewriter.Rewrite(schema), uri,
                options with { TypeName = typeName, GenerateModels = options.GenerateModels && generateModels }));

        if (root["components"]?["schemas"] is { Kind: JsonKind.Object } schemas)
        {
            foreach (var member in schemas.Members)
            {
                AddComponent(member.Value, ComponentUri(documentUri, member.Name), NameHelper.ToPascalCase(member.Name), true);
            }
        }

        var views = new Views(root["components"]?["schemas"], documentUri, AddComponent);
        var operations = ReadOperations(root, documentUri, AddComponent, views, diagnostics, At);
        var title = root["info"]?["title"] is { Kind: JsonKind.String } t ? t.Text : null;
        return Done(path, components, diagnostics) with
        {
            Operations = operations.ToEquatableArray(),
            Title = title,
            OperationsClassName = operations.Count == 0 ? null : OperationsClassName(path, title, options.TypeName),
        };
    }

    /// <summary>The document's tree from JSON, or from YAML for a <c>.yaml</c>/<c>.yml</c> file; null after reporting why not.</summary>
    private static JsonValue? ParseText(string path, string text, Func<TextSpan, LocationInfo> at, List<DiagnosticInfo> diagnostics)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var json = JsonTextParser.Parse(text);
            if (json.Value is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, at(json.ErrorSpan), json.Error!));
            }

            return json.Value;
        }

        var yaml = YamlTextParser.Parse(text);
        if (yaml.Value is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(yaml.Unsupported ? DiagnosticDescriptors.UnsupportedYaml : DiagnosticDescriptors.InvalidYaml, at(yaml.ErrorSpan), yaml.Error!));
        }

        return yaml.Value;
    }

    private static string ComponentUri(string documentUri, string key) => documentUri + "/components/schemas/" + Uri.EscapeDataString(key);

    private static OpenApiDocumentSpec Done(string path, IEnumerable<SchemaFileSpec> components, List<DiagnosticInfo> diagnostics)
        => new(path, components.ToEquatableArray(), diagnostics.ToEquatableArray());

    /// <summary>Rewrites one component's tree: references to components (in "$ref" and discriminator mappings), OpenAPI 3.0 spellings, ignored annotations.</summary>
    /// <param name="componentNames">The keys of components/schemas: a discriminator mapping value that is one of them names that component.</param>
    private sealed class Rewriter(string documentUri, bool isOpenApi30, IReadOnlyCollection<string> componentNames)
    {
        public JsonValue Rewrite(JsonValue value)
        {
            if (value.Kind == JsonKind.Array)
            {
                return JsonValue.Array(value.Items.Select(Rewrite).ToList(), value.Span);
            }

            if (value.Kind != JsonKind.Object)
            {
                return value;
            }

            var members = new List<JsonMember>();
            foreach (var member in value.Members)
            {
                if (s_ignoredKeywords.Contains(member.Name) || (member.Name.StartsWith("x-", StringComparison.Ordinal) && member.Name != "x-sensitive"))
                {
                    continue;
                }

                var rewritten = member.Name switch
                {
                    "$ref" when member.Value is { Kind: JsonKind.String } reference => JsonValue.String(RewriteReference(reference.Text!), reference.Span),
                    "discriminator" => RewriteDiscriminator(member.Value),
                    _ when s_valueKeywords.Contains(member.Name) => member.Value,
                    _ => Rewrite(member.Value),
                };
                members.Add(member with { Value = rewritten });
            }

            return isOpenApi30 ? FromOpenApi30(members, value.Span) : JsonValue.Object(members, value.Span);
        }

        /// <summary>
        /// A mapping value is a component name or a reference (OpenAPI 3.0 and 3.1 allow both); each becomes the reference
        /// it stands for, so that the linker resolves it as it resolves "$ref". The rest is kept for the schema parser to check.
        /// </summary>
        private JsonValue RewriteDiscriminator(JsonValue discriminator)
        {
            if (discriminator["mapping"] is not { Kind: JsonKind.Object } mapping)
            {
                return discriminator;
            }

            var entries = mapping.Members.Select(entry => entry.Value is { Kind: JsonKind.String } target
                ? entry with { Value = JsonValue.String(componentNames.Contains(target.Text!) ? ComponentUri(documentUri, target.Text!) : RewriteReference(target.Text!), target.Span) }
                : entry).ToList();
            return JsonValue.Object(discriminator.Members.Select(m => m.Name == "mapping" ? m with { Value = JsonValue.Object(entries, mapping.Span) } : m).ToList(), discriminator.Span);
        }

        private string RewriteReference(string reference)
        {
            if (!reference.StartsWith(ComponentsPointer, StringComparison.Ordinal))
            {
                return reference;
            }

            var rest = reference.Substring(ComponentsPointer.Length);
            var slash = rest.IndexOf('/');
            var key = JsonPointer.Unescape(slash < 0 ? rest : rest.Substring(0, slash));
            return ComponentUri(documentUri, key) + "#" + (slash < 0 ? string.Empty : rest.Substring(slash));
        }

        /// <summary>
        /// <c>nullable</c> becomes a <c>"null"</c> type (or an <c>anyOf</c> with one when there is no type), and boolean
        /// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> the numeric draft 2020-12 keywords.
        /// </summary>
        private static JsonValue FromOpenApi30(List<JsonMember> members, TextSpan span)
        {
            ExclusiveBound(members, "exclusiveMinimum", "minimum");
            ExclusiveBound(members, "exclusiveMaximum", "maximum");

            var nullable = members.FirstOrDefault(m => m.Name == "nullable");
            if (nullable is null)
            {
                return JsonValue.Object(members, span);
            }

            members.Remove(nullable);
            if (nullable.Value.Kind != JsonKind.True)
            {
                return JsonValue.Object(members, span);
            }

            var nullType = JsonValue.String("null", nullable.Value.Span);
            var type = members.FindIndex(m => m.Name == "type");
            if (type >= 0 && members[type].Value.Kind == JsonKind.String)
            {
                members[type] = members[type] with { Value = JsonValue.Array(new[] { members[type].Value, nullType }, members[type].Value.Span) };
                var enumIndex = members.FindIndex(m => m.Name == "enum");
                if (enumIndex >= 0 && members[enumIndex].Value.Kind == JsonKind.Array)
                {
                    var values = members[enumIndex].Value;
                    members[enumIndex] = members[enumIndex] with { Value = JsonValue.Array(values.Items.Concat(new[] { JsonValue.Literal(JsonKind.Null, nullable.Value.Span) }).ToList(), values.Span) };
                }

                return JsonValue.Object(members, span);
            }

            // No type (a reference, allOf...): the schema or null.
            var nullSchema = JsonValue.Object(new[] { new JsonMember("type", nullable.NameSpan, nullType) }, nullable.Value.Span);
            var alternatives = JsonValue.Array(new[] { JsonValue.Object(members, span), nullSchema }, span);
            return JsonValue.Object(new[] { new JsonMember("anyOf", nullable.NameSpan, alternatives) }, span);
        }

        private static void ExclusiveBound(List<JsonMember> members, string exclusive, string inclusive)
        {
            var flag = members.FindIndex(m => m.Name == exclusive);
            if (flag < 0 || !members[flag].Value.IsBoolean)
            {
                return;
            }

            var bound = members.FindIndex(m => m.Name == inclusive);
            if (members[flag].Value.Kind == JsonKind.True && bound >= 0)
            {
                members[flag] = members[flag] with { Value = members[bound].Value };
                members.RemoveAt(bound);
            }
            else
            {
                members.RemoveAt(flag);
            }
        }
    }
}
