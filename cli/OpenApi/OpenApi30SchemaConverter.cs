using System.Text.Json;
using System.Text.Json.Nodes;

namespace WooshPay.Contracts.Tool.OpenApi;

/// <summary>A place where a 3.0 document cannot say what the draft 2020-12 schema says.</summary>
/// <param name="Location">JSON Pointer of the schema in the exported document.</param>
/// <param name="Message">What was done instead.</param>
public sealed record DownConversionNote(string Location, string Message);

/// <summary>
/// Rewrites a draft 2020-12 schema into an OpenAPI 3.0 Schema Object with the same meaning where 3.0 can express it:
/// <c>type: [T, "null"]</c> and <c>anyOf</c> with <c>{"type": "null"}</c> become <c>nullable</c>, numeric
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become the 3.0 booleans, <c>const</c> an enum of one,
/// <c>examples</c> an <c>example</c>, <c>contains</c> and <c>if</c>/<c>then</c>/<c>else</c> the equivalent
/// <c>not</c>/<c>allOf</c>/<c>anyOf</c>, and a <c>$ref</c> with siblings an <c>allOf</c> (3.0 ignores them).
/// What 3.0 has no equivalent for (<c>propertyNames</c>, for one) is kept as an <c>x-jsonschema-</c> extension and noted.
/// </summary>
internal static class OpenApi30SchemaConverter
{
    private static readonly string[] Inexpressible =
    {
        "propertyNames", "patternProperties", "prefixItems", "unevaluatedProperties", "unevaluatedItems",
        "dependentRequired", "dependentSchemas", "minContains", "maxContains", "$anchor", "$dynamicRef",
        "$dynamicAnchor", "contentEncoding", "contentMediaType", "contentSchema",
    };

    /// <summary>Converts <paramref name="schema"/> in place; <paramref name="location"/> is its pointer in the document.</summary>
    public static void Convert(JsonObject schema, string location, List<DownConversionNote> notes)
    {
        // First the null alternatives, so that their {"type": "null"} members are gone before nodes are rewritten one by one.
        SchemaTree.VisitBottomUp(schema, (node, _) =>
        {
            ConvertNullAlternative(node, "anyOf");
            ConvertNullAlternative(node, "oneOf");
        });
        SchemaTree.VisitBottomUp(schema, (node, pointer) => ConvertNode(node, location + pointer, notes));
    }

    private static void ConvertNode(JsonObject node, string location, List<DownConversionNote> notes)
    {
        node.Remove("$schema");
        node.Remove("$id");
        node.Remove("$defs");
        Rename(node, "$comment", "x-comment");

        if (node["const"] is { } constant)
        {
            node.Remove("const");
            node["enum"] = new JsonArray(constant.DeepClone());
            if (!node.ContainsKey("type") && TypeOf(constant) is { } type)
            {
                node["type"] = type;
            }
        }

        ConvertTypeArray(node, location, notes);
        ConvertNullInEnum(node);
        ConvertExclusiveBound(node, "exclusiveMinimum", "minimum");
        ConvertExclusiveBound(node, "exclusiveMaximum", "maximum");

        if (node["examples"] is JsonArray examples)
        {
            node.Remove("examples");
            if (examples.Count > 0 && !node.ContainsKey("example"))
            {
                node["example"] = examples[0]!.DeepClone();
            }
        }

        if (node["contains"] is JsonObject contains)
        {
            // "Some item matches" is "not (an array whose every item fails)"; non-arrays pass, as with contains.
            node.Remove("contains");
            AddToAllOf(node, new JsonObject { ["not"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["not"] = contains } } });
        }

        ConvertConditional(node);
        WrapReferenceWithSiblings(node);

        foreach (var keyword in Inexpressible)
        {
            if (node.ContainsKey(keyword))
            {
                var extension = "x-jsonschema-" + keyword.TrimStart('$');
                Rename(node, keyword, extension);
                notes.Add(new DownConversionNote(location, $"'{keyword}' has no OpenAPI 3.0 equivalent; kept as '{extension}' (3.0 tools do not enforce it)."));
            }
        }
    }

    private static void ConvertTypeArray(JsonObject node, string location, List<DownConversionNote> notes)
    {
        if (node["type"] is JsonValue single && single.TryGetValue<string>(out var name) && name == "null")
        {
            node.Remove("type");
            node["enum"] = new JsonArray((JsonNode?)null);
            node["nullable"] = true;
            notes.Add(new DownConversionNote(location, "'type: null' has no OpenAPI 3.0 equivalent; written as a nullable enum of null."));
            return;
        }

        if (node["type"] is not JsonArray types)
        {
            return;
        }

        var names = types.Select(t => t!.GetValue<string>()).ToList();
        if (names.Remove("null"))
        {
            node["nullable"] = true;
        }

        node.Remove("type");
        if (names.Count == 1)
        {
            node["type"] = names[0];
        }
        else if (names.Count > 1)
        {
            node["anyOf"] = new JsonArray(names.Select(n => (JsonNode)new JsonObject { ["type"] = n }).ToArray());
        }
    }

    /// <summary><c>anyOf: [X, {"type": "null"}]</c> is <c>nullable</c> next to <c>allOf: [X]</c> (or the remaining alternatives).</summary>
    private static void ConvertNullAlternative(JsonObject node, string keyword)
    {
        if (node[keyword] is not JsonArray alternatives)
        {
            return;
        }

        var rest = alternatives.Where(a => !IsNullType(a)).ToList();
        if (rest.Count == alternatives.Count || rest.Count == 0)
        {
            return;
        }

        node.Remove(keyword);
        node["nullable"] = true;
        var detached = rest.Select(a => a!.DeepClone()).ToArray();
        if (detached.Length == 1)
        {
            AddToAllOf(node, detached[0]);
        }
        else
        {
            node[keyword] = new JsonArray(detached);
        }
    }

    private static void ConvertNullInEnum(JsonObject node)
    {
        if (node["enum"] is JsonArray values && values.Count > 1 && values.Any(v => v is null))
        {
            node["enum"] = new JsonArray(values.Where(v => v is not null).Select(v => v!.DeepClone()).ToArray());
            node["nullable"] = true;
        }
    }

    private static void ConvertExclusiveBound(JsonObject node, string exclusive, string inclusive)
    {
        if (node[exclusive] is JsonValue bound && bound.GetValueKind() == JsonValueKind.Number)
        {
            node.Remove(exclusive);
            node[inclusive] = bound.DeepClone();
            node[exclusive] = true;
        }
    }

    /// <summary><c>if I then T else E</c> holds exactly when <c>(I and T) or (not I and E)</c>; a missing branch is <c>{}</c>.</summary>
    private static void ConvertConditional(JsonObject node)
    {
        if (node["if"] is not JsonObject condition)
        {
            node.Remove("then");
            node.Remove("else");
            return;
        }

        var then = node["then"]?.DeepClone() ?? new JsonObject();
        var otherwise = node["else"]?.DeepClone() ?? new JsonObject();
        node.Remove("if");
        node.Remove("then");
        node.Remove("else");
        AddToAllOf(node, new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["allOf"] = new JsonArray(condition.DeepClone(), then) },
                new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["not"] = condition }, otherwise) }),
        });
    }

    /// <summary>OpenAPI 3.0 ignores a <c>$ref</c>'s siblings, so a reference with siblings moves into <c>allOf</c>.</summary>
    private static void WrapReferenceWithSiblings(JsonObject node)
    {
        if (node["$ref"] is { } reference && node.Count > 1)
        {
            node.Remove("$ref");
            AddToAllOf(node, new JsonObject { ["$ref"] = reference });
        }
    }

    private static void AddToAllOf(JsonObject node, JsonNode schema)
    {
        if (node["allOf"] is not JsonArray allOf)
        {
            node["allOf"] = allOf = new JsonArray();
        }

        allOf.Insert(0, schema);
    }

    private static bool IsNullType(JsonNode? schema)
        => schema is JsonObject { Count: 1 } o && o["type"] is JsonValue v && v.TryGetValue<string>(out var t) && t == "null";

    private static string? TypeOf(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.ToJsonString().Contains('.') ? "number" : "integer",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => null,
    };

    private static void Rename(JsonObject node, string from, string to)
    {
        if (node[from] is { } value)
        {
            node.Remove(from);
            node[to] = value.DeepClone();
        }
    }
}
