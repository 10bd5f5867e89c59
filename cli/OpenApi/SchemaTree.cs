using System.Text.Json.Nodes;

namespace WooshPay.Contracts.Tool.OpenApi;

/// <summary>Visits the subschemas of a JSON Schema by keyword (never instance data such as <c>enum</c> or <c>examples</c>).</summary>
internal static class SchemaTree
{
    private static readonly string[] SingleSchemaKeywords =
    {
        "additionalProperties", "items", "additionalItems", "not", "if", "then", "else", "contains",
        "propertyNames", "unevaluatedItems", "unevaluatedProperties",
    };

    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    private static readonly string[] SchemaArrayKeywords = { "allOf", "anyOf", "oneOf", "prefixItems" };

    /// <summary>
    /// Calls <paramref name="visit"/> on every object subschema below <paramref name="schema"/>, children before
    /// parents, with its JSON Pointer below the root; then on the root (pointer "").
    /// </summary>
    public static void VisitBottomUp(JsonObject schema, Action<JsonObject, string> visit, string pointer = "")
    {
        foreach (var keyword in SingleSchemaKeywords)
        {
            if (schema[keyword] is JsonObject child)
            {
                VisitBottomUp(child, visit, pointer + "/" + keyword);
            }
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var (key, child) in map.ToList())
                {
                    if (child is JsonObject childSchema)
                    {
                        VisitBottomUp(childSchema, visit, pointer + "/" + keyword + "/" + Escape(key));
                    }
                }
            }
        }

        foreach (var keyword in SchemaArrayKeywords)
        {
            if (schema[keyword] is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject childSchema)
                    {
                        VisitBottomUp(childSchema, visit, pointer + "/" + keyword + "/" + i);
                    }
                }
            }
        }

        visit(schema, pointer);
    }

    /// <summary>Rewrites every <c>$ref</c> of the schema file to its place in the exported document.</summary>
    public static void RewriteReferences(JsonObject schema, string ownerFile, ComponentNames names)
        => VisitBottomUp(schema, (node, _) =>
        {
            if (node["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var text))
            {
                node["$ref"] = names.Rewrite(ownerFile, text);
            }
        });

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");
}
