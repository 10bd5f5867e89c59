using System.Text;

namespace WooshPay.Contracts.Generator.Model;

internal enum LiteralKind
{
    String,
    Number,
    True,
    False,
    Null,
    Array,
    Object,
}

/// <summary>
/// An enum or const value, decoded once by the parser: a string (its decoded text), a number (its JSON text),
/// true, false, null, or an array or object of literals. Equal by value, so specs holding it stay cacheable.
/// </summary>
/// <param name="Text">The decoded string, or the number's JSON text; for the other kinds their JSON word ("true", "null") or empty.</param>
internal sealed record LiteralSpec(LiteralKind Kind, string Text)
{
    public static readonly LiteralSpec True = new(LiteralKind.True, "true");
    public static readonly LiteralSpec False = new(LiteralKind.False, "false");
    public static readonly LiteralSpec Null = new(LiteralKind.Null, "null");

    /// <summary>An array's items, or an object's member values (in the order of <see cref="Names"/>).</summary>
    public EquatableArray<LiteralSpec> Items { get; init; } = EquatableArray<LiteralSpec>.Empty;

    /// <summary>An object's member names, in document order.</summary>
    public EquatableArray<string> Names { get; init; } = EquatableArray<string>.Empty;

    public static LiteralSpec String(string value) => new(LiteralKind.String, value);

    public static LiteralSpec Number(string json) => new(LiteralKind.Number, json);

    public static LiteralSpec Array(EquatableArray<LiteralSpec> items) => new(LiteralKind.Array, string.Empty) { Items = items };

    public static LiteralSpec Object(EquatableArray<string> names, EquatableArray<LiteralSpec> values)
        => new(LiteralKind.Object, string.Empty) { Names = names, Items = values };

    /// <summary>The value as compact JSON (for messages: WPC005, contract changes).</summary>
    public string Json
    {
        get
        {
            var sb = new StringBuilder();
            Write(sb);
            return sb.ToString();
        }
    }

    public override string ToString() => Json;

    private void Write(StringBuilder sb)
    {
        switch (Kind)
        {
            case LiteralKind.Object:
                sb.Append('{');
                for (var i = 0; i < Items.Count; i++)
                {
                    sb.Append(i > 0 ? "," : string.Empty);
                    WriteString(Names[i], sb);
                    sb.Append(':');
                    Items[i].Write(sb);
                }

                sb.Append('}');
                break;
            case LiteralKind.Array:
                sb.Append('[');
                for (var i = 0; i < Items.Count; i++)
                {
                    sb.Append(i > 0 ? "," : string.Empty);
                    Items[i].Write(sb);
                }

                sb.Append(']');
                break;
            case LiteralKind.String:
                WriteString(Text, sb);
                break;
            default:
                sb.Append(Text);
                break;
        }
    }

    private static void WriteString(string text, StringBuilder sb) => Escaping.AppendQuoted(sb, text, csharp: false);
}
