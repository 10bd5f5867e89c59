using System.Text;
using System.Text.Json;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>
/// The generator of the corpus's large cases (megabytes, so built in memory rather than committed): each takes a
/// canonical sample's UTF-8 bytes and sets one top-level property to a hostile value. <c>corpus/corpus.json</c> names
/// a generator and its size per case; the hostile-input benchmark links this file and builds the same payloads.
/// </summary>
public static class HostilePayloads
{
    /// <summary>The generators by the name <c>corpus.json</c> uses; each takes the canonical bytes and a size.</summary>
    public static IReadOnlyDictionary<string, Func<byte[], int, byte[]>> Generators { get; } = new Dictionary<string, Func<byte[], int, byte[]>>
    {
        ["distinct-unknown-payment-method-types"] = DistinctUnknownPaymentMethodTypes,
        ["distinct-one-item-arrays"] = DistinctOneItemArrays,
        ["long-description"] = (canonical, bytes) => WithProperty(canonical, "description", LongString(bytes)),
        ["long-currency"] = (canonical, bytes) => WithProperty(canonical, "currency", LongString(bytes)),
        ["many-metadata-keys"] = ManyMetadataKeys,
        ["nested-metadata"] = NestedMetadata,
        ["pattern-hostile-values"] = PatternHostileValues,
        ["invalid-utf8-deep-in-long-description"] = InvalidUtf8AtTheEnd,
    };

    /// <summary><c>payment_method_types</c> holding <paramref name="count"/> distinct values no enum knows ("m0", "m1", ...): 1,000,000 make 10 MB.</summary>
    public static byte[] DistinctUnknownPaymentMethodTypes(byte[] canonical, int count)
        => WithProperty(canonical, "payment_method_types", Items(count, (sb, i) => sb.Append("\"m").Append(i).Append('"')));

    /// <summary><c>payment_method_types</c> holding <paramref name="count"/> distinct one-item arrays ([0], [1], ...): the uniqueItems worst case.</summary>
    public static byte[] DistinctOneItemArrays(byte[] canonical, int count)
        => WithProperty(canonical, "payment_method_types", Items(count, (sb, i) => sb.Append('[').Append(i).Append(']')));

    /// <summary><c>metadata</c> with <paramref name="count"/> distinct keys, each a valid string value: a valid request, all of it undeclared names.</summary>
    public static byte[] ManyMetadataKeys(byte[] canonical, int count)
    {
        var sb = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":\"v\"");
        }

        return WithProperty(canonical, "metadata", sb.Append('}').ToString());
    }

    /// <summary><c>metadata</c> nested <paramref name="depth"/> arrays deep (past ValidationOptions.MaxDepth, 256, it is not read at all).</summary>
    public static byte[] NestedMetadata(byte[] canonical, int depth)
        => WithProperty(canonical, "metadata", new string('[', depth) + new string(']', depth));

    /// <summary>
    /// For <c>corpus/pattern.schema.json</c> (items with pattern ^(a+)+$), no canonical needed: <paramref name="count"/>
    /// values of 34 'a's and a '!', each exponential for a backtracking engine.
    /// </summary>
    public static byte[] PatternHostileValues(byte[] canonical, int count)
        => Encoding.UTF8.GetBytes("{\"values\":" + Items(count, (sb, _) => sb.Append('"').Append('a', 34).Append("!\"")) + "}");

    /// <summary>A valid <c>description</c> of <paramref name="bytes"/> bytes whose very last character is a lone byte 0xFF (not UTF-8).</summary>
    public static byte[] InvalidUtf8AtTheEnd(byte[] canonical, int bytes)
    {
        var value = Encoding.UTF8.GetBytes(LongString(bytes));
        value[^2] = 0xFF;
        return WithProperty(canonical, "description", value);
    }

    /// <summary>A JSON string of <paramref name="bytes"/> bytes between its quotes, all 'x'.</summary>
    private static string LongString(int bytes) => "\"" + new string('x', bytes) + "\"";

    private static string Items(int count, Action<StringBuilder, int> item)
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            item(sb, i);
        }

        return sb.Append(']').ToString();
    }

    /// <summary>The canonical object with the top-level <paramref name="property"/> set to <paramref name="valueJson"/> (added when missing).</summary>
    public static byte[] WithProperty(byte[] canonical, string property, string valueJson)
        => WithProperty(canonical, property, Encoding.UTF8.GetBytes(valueJson));

    /// <summary>As the text overload, with the value's raw bytes (which need not be UTF-8).</summary>
    public static byte[] WithProperty(byte[] canonical, string property, byte[] value)
    {
        var reader = new Utf8JsonReader(canonical);
        reader.Read();
        int start = -1, end = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(property);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            reader.Skip();
            if (found)
            {
                (start, end) = (valueStart, (int)reader.BytesConsumed);
            }
        }

        if (start < 0)
        {
            // Insert as the first member.
            var open = Array.IndexOf(canonical, (byte)'{') + 1;
            return [.. canonical.AsSpan(0, open), .. Encoding.UTF8.GetBytes("\"" + property + "\":"), .. value, (byte)',', .. canonical.AsSpan(open)];
        }

        return [.. canonical.AsSpan(0, start), .. value, .. canonical.AsSpan(end)];
    }
}
