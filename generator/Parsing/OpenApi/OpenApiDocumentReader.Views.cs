using System;
using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Linking;

namespace WooshPay.Contracts.Generator.Parsing.OpenApi;

/// <summary>
/// <c>readOnly</c> and <c>writeOnly</c>: a schema used as an operation's request body is validated by its request view,
/// where every <c>readOnly: true</c> property is neither required nor checked; one used as a response body by its
/// response view, where <c>writeOnly: true</c> properties are. A view exists only for a schema that has such a property,
/// itself or through a component it references (a view refers to the views of those components); it is a validator
/// of its own (<c>{Component}RequestViewSchema</c>), with no model: the body's model is the component's. Whether a
/// schema is a request or a response is known only from its use in the document's operations, so the component's own
/// validator keeps every property.
/// </summary>
internal static partial class OpenApiDocumentReader
{
    private const string RequestView = "readOnly", ResponseView = "writeOnly";

    private const string ViewsSegment = "/views/";

    /// <summary>How many references a property is followed through to find whether a view drops it (a cycle ends there).</summary>
    private const int MaxDroppedReferences = 32;

    /// <summary>For the URI of a component's request or response view, the component's own URI; else null.</summary>
    public static string? ComponentOfView(string uri)
    {
        var at = uri.LastIndexOf(ViewsSegment, StringComparison.Ordinal);
        var rest = at < 0 ? null : uri.Substring(at + ViewsSegment.Length);
        var direction = rest is null ? null : new[] { "request/", "response/" }.FirstOrDefault(d => rest.StartsWith(d + "components/schemas/", StringComparison.Ordinal));
        return direction is null ? null : uri.Substring(0, at) + "/" + rest!.Substring(direction.Length);
    }

    private sealed class Views(JsonValue? schemas, string documentUri, Action<JsonValue, string, string?, bool> addSchema)
    {
        private readonly Dictionary<string, HashSet<string>> _affected = new(StringComparer.Ordinal);
        private readonly HashSet<string> _made = new(StringComparer.Ordinal);

        /// <summary>The URI of the view that validates <paramref name="schema"/> (a component key or an inline schema) in one direction; null when it is the schema itself.</summary>
        public string? For(string? componentKey, JsonValue schema, string dropped, string inlineUri, string inlineTypeName)
        {
            var affected = Affected(dropped);
            if (componentKey is not null)
            {
                return affected.Contains(componentKey) ? Component(componentKey, dropped) : null;
            }

            if (!Affects(schema, dropped, affected))
            {
                return null;
            }

            addSchema(View(schema, dropped, affected), inlineUri, inlineTypeName, false);
            return inlineUri;
        }

        private string ViewUri(string key, string dropped)
            => $"{documentUri}{ViewsSegment}{(dropped == RequestView ? "request" : "response")}/components/schemas/{Uri.EscapeDataString(key)}";

        private string Component(string key, string dropped)
        {
            var uri = ViewUri(key, dropped);
            if (_made.Add(uri))
            {
                var affected = Affected(dropped);
                addSchema(View(schemas![key]!, dropped, affected), uri, NameHelper.ToPascalCase(key) + (dropped == RequestView ? "RequestView" : "ResponseView"), false);

                // Views refer to the views of the components they reference, which must exist too.
                foreach (var referenced in References(schemas[key]!).Where(affected.Contains))
                {
                    Component(referenced, dropped);
                }
            }

            return uri;
        }

        /// <summary>The components whose view differs: those with a dropped property, and those that reference one of them.</summary>
        private HashSet<string> Affected(string dropped)
        {
            if (_affected.TryGetValue(dropped, out var affected))
            {
                return affected;
            }

            affected = new HashSet<string>(StringComparer.Ordinal);
            var members = schemas?.Kind == JsonKind.Object ? schemas.Members : Array.Empty<JsonMember>();
            var referencedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            foreach (var member in members)
            {
                foreach (var referenced in References(member.Value).Distinct())
                {
                    if (!referencedBy.TryGetValue(referenced, out var list))
                    {
                        referencedBy[referenced] = list = new List<string>();
                    }

                    list.Add(member.Name);
                }

                if (HasDropped(member.Value, dropped) && affected.Add(member.Name))
                {
                    pending.Push(member.Name);
                }
            }

            while (pending.Count > 0)
            {
                if (referencedBy.TryGetValue(pending.Pop(), out var users))
                {
                    foreach (var user in users.Where(affected.Add))
                    {
                        pending.Push(user);
                    }
                }
            }

            _affected[dropped] = affected;
            return affected;
        }

        private bool Affects(JsonValue schema, string dropped, HashSet<string> affected)
            => HasDropped(schema, dropped) || References(schema).Any(affected.Contains);

        private bool HasDropped(JsonValue node, string dropped) => node.Kind switch
        {
            JsonKind.Object => node.Members.Any(m => m.Name == "properties" && m.Value.Kind == JsonKind.Object
                    ? m.Value.Members.Any(p => IsDropped(p.Value, dropped) || HasDropped(p.Value, dropped))
                    : !s_valueKeywords.Contains(m.Name) && HasDropped(m.Value, dropped)),
            JsonKind.Array => node.Items.Any(item => HasDropped(item, dropped)),
            _ => false,
        };

        /// <summary>
        /// A property the view drops: <c>readOnly</c> (or <c>writeOnly</c>) itself, or a reference to a component schema, or into
        /// one (<c>#/components/schemas/x/properties/y</c>), that is, followed through at most <see cref="MaxDroppedReferences"/> references.
        /// </summary>
        private bool IsDropped(JsonValue property, string dropped)
        {
            for (var hops = 0; property.Kind == JsonKind.Object && hops <= MaxDroppedReferences; hops++)
            {
                if (property[dropped]?.Kind == JsonKind.True)
                {
                    return true;
                }

                if (property["$ref"] is not { Kind: JsonKind.String } reference || !reference.Text!.StartsWith(ComponentsPointer, StringComparison.Ordinal)
                    || At(schemas, reference.Text.Substring(ComponentsPointer.Length)) is not { } target)
                {
                    return false;
                }

                property = target;
            }

            return false;
        }

        /// <summary>The component keys a tree references as a whole (<c>#/components/schemas/key</c>).</summary>
        private static IEnumerable<string> References(JsonValue node)
        {
            if (node.Kind == JsonKind.Array)
            {
                return node.Items.SelectMany(References);
            }

            if (node.Kind != JsonKind.Object)
            {
                return Array.Empty<string>();
            }

            var own = ComponentKey(JsonValue.Object(node.Members.Where(m => m.Name == "$ref").ToList(), node.Span));
            var nested = node.Members.Where(m => !s_valueKeywords.Contains(m.Name) && m.Name != "$ref").SelectMany(m => References(m.Value));
            return own is null ? nested : nested.Prepend(own);
        }

        /// <summary>The component a discriminator mapping value names: its key, or a <c>#/components/schemas/key</c> reference.</summary>
        private string? MappedKey(JsonValue target)
            => target.Kind != JsonKind.String ? null
                : schemas?[target.Text!] is not null ? target.Text
                : ComponentKey(JsonValue.Object(new[] { new JsonMember("$ref", target.Span, target) }, target.Span));

        /// <summary>The tree with dropped properties made optional and unchecked, and references to affected components sent to their views.</summary>
        private JsonValue View(JsonValue node, string dropped, HashSet<string> affected)
        {
            if (node.Kind == JsonKind.Array)
            {
                return JsonValue.Array(node.Items.Select(item => View(item, dropped, affected)).ToList(), node.Span);
            }

            if (node.Kind != JsonKind.Object)
            {
                return node;
            }

            var properties = node["properties"];
            var droppedNames = new HashSet<string>(
                properties?.Kind == JsonKind.Object ? properties.Members.Where(p => IsDropped(p.Value, dropped)).Select(p => p.Name) : Array.Empty<string>(),
                StringComparer.Ordinal);
            var members = new List<JsonMember>();
            foreach (var member in node.Members)
            {
                var value = member.Value;
                if (member.Name == "$ref" && ComponentKey(JsonValue.Object(new[] { member }, node.Span)) is { } key && affected.Contains(key))
                {
                    value = JsonValue.String(ViewUri(key, dropped), value.Span);
                }
                else if (member.Name == "properties" && value.Kind == JsonKind.Object)
                {
                    value = JsonValue.Object(value.Members.Select(p => p with
                    {
                        Value = droppedNames.Contains(p.Name) ? JsonValue.Literal(JsonKind.True, p.Value.Span) : View(p.Value, dropped, affected),
                    }).ToList(), value.Span);
                }
                else if (member.Name == "discriminator" && value["mapping"] is { Kind: JsonKind.Object } mapping)
                {
                    // The view's alternatives are the views of affected components: so are its mapping's targets.
                    var entries = mapping.Members.Select(entry => MappedKey(entry.Value) is { } mapped && affected.Contains(mapped)
                        ? entry with { Value = JsonValue.String(ViewUri(mapped, dropped), entry.Value.Span) }
                        : entry).ToList();
                    value = JsonValue.Object(value.Members.Select(m => m.Name == "mapping" ? m with { Value = JsonValue.Object(entries, mapping.Span) } : m).ToList(), value.Span);
                }
                else if (member.Name == "required" && value.Kind == JsonKind.Array)
                {
                    value = JsonValue.Array(value.Items.Where(item => item.Kind != JsonKind.String || !droppedNames.Contains(item.Text!)).ToList(), value.Span);
                }
                else if (!s_valueKeywords.Contains(member.Name) && member.Name != "$ref")
                {
                    value = View(value, dropped, affected);
                }

                members.Add(member with { Value = value });
            }

            return JsonValue.Object(members, node.Span);
        }
    }
}
