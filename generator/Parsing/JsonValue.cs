using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace WooshPay.Contracts.Generator.Parsing;

/// <summary>The kind of a parsed JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value read from a schema file, with the span it occupies in the text so that
/// diagnostics can point at the exact token. Numbers keep their source text, so that
/// values such as 1e400 or 0.1 are emitted exactly as written.
/// </summary>
internal sealed class JsonValue
{
    private JsonValue(JsonKind kind, TextSpan span)
    {
        Kind = kind;
        Span = span;
    }

    public JsonKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>The decoded string, or the source text of a number.</summary>
    public string? Text { get; private set; }

    public IReadOnlyList<JsonMember> Members { get; private set; } = [];

    public IReadOnlyList<JsonValue> Items { get; private set; } = [];

    public bool IsBoolean => Kind is JsonKind.True or JsonKind.False;

    public static JsonValue String(string value, TextSpan span) => new(JsonKind.String, span) { Text = value };

    public static JsonValue Number(string text, TextSpan span) => new(JsonKind.Number, span) { Text = text };

    public static JsonValue Literal(JsonKind kind, TextSpan span) => new(kind, span);

    public static JsonValue Object(IReadOnlyList<JsonMember> members, TextSpan span) => new(JsonKind.Object, span) { Members = members };

    public static JsonValue Array(IReadOnlyList<JsonValue> items, TextSpan span) => new(JsonKind.Array, span) { Items = items };

    public JsonValue? this[string name]
    {
        get
        {
            // Indexed: a foreach over the IReadOnlyList would box an enumerator on every lookup.
            for (var i = 0; i < Members.Count; i++)
            {
                if (Members[i].Name == name)
                {
                    return Members[i].Value;
                }
            }

            return null;
        }
    }
}

/// <summary>One member of a JSON object: its name, where the name stands, and its value.</summary>
internal sealed record JsonMember(string Name, TextSpan NameSpan, JsonValue Value);
