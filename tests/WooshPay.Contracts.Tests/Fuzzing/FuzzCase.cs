using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using WooshPay.Contracts.Tests.Differential;

namespace WooshPay.Contracts.Tests.Fuzzing;

/// <summary>What a byte-level edit does to the serialized payload.</summary>
public enum ByteEditKind
{
    /// <summary>Flip one bit of one byte.</summary>
    FlipBit,

    /// <summary>Insert one arbitrary byte.</summary>
    InsertByte,

    /// <summary>Insert a hostile token: invalid UTF-8, a lone surrogate escape, a huge number, deep nesting, a stray delimiter.</summary>
    InsertToken,

    /// <summary>Delete a run of 1 to 16 bytes.</summary>
    Delete,

    /// <summary>Repeat a run of 1 to 64 bytes in place.</summary>
    Duplicate,

    /// <summary>Repeat an object member (<c>"amount":1</c> becomes <c>"amount":1,"amount":1</c>), while the text is still JSON.</summary>
    DuplicateMember,
}

/// <summary>One byte-level edit at a place taken modulo the payload's length (or its member count).</summary>
public readonly record struct ByteEdit(ByteEditKind Kind, int Position, int Choice);

/// <summary>
/// One fuzz input: a seed payload of a target, the structural mutations of <see cref="PayloadMutations"/>, an optional
/// odd value at a sensitive place, then byte-level edits. Everything is derived from the numbers, so a case prints and
/// rebuilds exactly.
/// </summary>
public sealed record FuzzCase(int Seed, IReadOnlyList<Mutation> Structural, int SensitiveChoice, IReadOnlyList<ByteEdit> Edits)
{
    /// <summary>Values put where the schema marks a secret: every shape a check can fail on, each carrying a marker.</summary>
    private static readonly string[] s_secretShapes =
    {
        "\"pi_1666729870215872512_secret_FUZZLEAK0a\"",
        "\"whsec_FUZZLEAK_7f3a9c1e5b\"",
        "\"FUZZLEAK_\\ud800_lone_surrogate\"",
        "12345987654321",
        "1.23459876543e400",
        "[\"sk_live_FUZZLEAK_in_array\"]",
        "{\"sk_live_FUZZLEAK_as_key\": \"whsec_FUZZLEAK_as_value\"}",
        "\"" + new string('S', 300) + "FUZZLEAK_long\"",
        "\"pi_1666729870215872512_secret_FUZZLEAK\\u0000nul\"",
        "\"refunded\"",
        "true",
    };

    private const string SensitiveSlot = "@@fuzz-sensitive-slot@@";

    private static readonly byte[][] s_tokens =
    {
        new byte[] { 0xFF }, new byte[] { 0x80 }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xC3 }, new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xED, 0xBF, 0xBF }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xEF, 0xBB, 0xBF },
        Encoding.UTF8.GetBytes("\\ud800"), Encoding.UTF8.GetBytes("\\udc00"), Encoding.UTF8.GetBytes("\\ud800\\u0041"),
        Encoding.UTF8.GetBytes("\\u0000"), Encoding.UTF8.GetBytes("\\"), Encoding.UTF8.GetBytes("\\u12"),
        Encoding.UTF8.GetBytes("\""), Encoding.UTF8.GetBytes("{"), Encoding.UTF8.GetBytes("}"), Encoding.UTF8.GetBytes("["),
        Encoding.UTF8.GetBytes("]"), Encoding.UTF8.GetBytes(","), Encoding.UTF8.GetBytes(":"), Encoding.UTF8.GetBytes("null"),
        Encoding.UTF8.GetBytes("1e400"), Encoding.UTF8.GetBytes("-0"), Encoding.UTF8.GetBytes("9223372036854775808"),
        Encoding.UTF8.GetBytes("1" + new string('0', 400)), Encoding.UTF8.GetBytes("0." + new string('0', 400) + "1"),
        Encoding.UTF8.GetBytes("-"), Encoding.UTF8.GetBytes("1e"), Encoding.UTF8.GetBytes("\t\r\n "),
        Encoding.UTF8.GetBytes(new string('[', 300)), Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 300))),
        Encoding.UTF8.GetBytes("\"amount\":1,"), Encoding.UTF8.GetBytes("\"client_secret\":\"whsec_FUZZLEAK_dup\","),
        Encoding.UTF8.GetBytes("💰"), Encoding.UTF8.GetBytes("/*c*/"),
    };

    /// <summary>Cases for a target with <paramref name="seeds"/> seed payloads: shrinking prefers the first seed and fewer edits.</summary>
    public static Gen<FuzzCase> For(int seeds)
        => Gen.Select(
            Gen.Int[0, seeds - 1],
            PayloadMutations.Mutation.Array[0, 2],
            Gen.Int[-1, s_secretShapes.Length - 1],
            Gen.Select(Gen.Int[0, Enum.GetValues<ByteEditKind>().Length - 1], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 16],
                (kind, position, choice) => new ByteEdit((ByteEditKind)kind, position, choice)).Array[0, 4],
            (seed, structural, sensitive, edits) => new FuzzCase(seed, structural, sensitive, edits));

    /// <summary>The payload bytes and one line per step saying what was done where.</summary>
    public (byte[] Payload, IReadOnlyList<string> Steps) Build(FuzzTarget target)
    {
        var steps = new List<string>();
        var root = PayloadMutations.ParseNode(target.Seeds[Seed]);
        foreach (var mutation in Structural)
        {
            root = PayloadMutations.Apply(root, mutation, out var step);
            steps.Add(step);
        }

        // The odd value goes in as text after serializing: a lone surrogate escape has no JsonNode form.
        string? sensitive = null;
        if (SensitiveChoice >= 0 && target.Sensitive.Paths.Count > 0)
        {
            var path = target.Sensitive.Paths[SensitiveChoice % target.Sensitive.Paths.Count];
            if (Parent(root, path) is JsonObject parent)
            {
                sensitive = s_secretShapes[SensitiveChoice];
                parent[path[^1]] = SensitiveSlot;
                steps.Add($"sensitive /{string.Join('/', path)} = {sensitive}");
            }
        }

        var text = PayloadMutations.Serialize(root);
        var bytes = Encoding.UTF8.GetBytes(sensitive is null ? text : text.Replace("\"" + SensitiveSlot + "\"", sensitive, StringComparison.Ordinal));
        foreach (var edit in Edits)
        {
            bytes = Apply(bytes, edit, out var step);
            steps.Add(step);
        }

        return (bytes, steps);
    }

    /// <summary>The case as a reproducer: its steps, the payload with non-ASCII bytes as \xNN, and the payload in base64.</summary>
    public string Describe(FuzzTarget target)
    {
        var (payload, steps) = Build(target);
        return $"{target.Title} <- seed {Seed}" + string.Concat(steps.Select(s => Environment.NewLine + "  * " + s))
            + Environment.NewLine + "  payload: " + Printable(payload)
            + Environment.NewLine + "  base64: " + Convert.ToBase64String(payload);
    }

    /// <summary>ASCII as is (truncated past 2,000 bytes), every other byte as \xNN.</summary>
    public static string Printable(byte[] payload)
    {
        var sb = new StringBuilder();
        foreach (var b in payload.Take(2000))
        {
            if (b is >= 0x20 and < 0x7F)
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return payload.Length > 2000 ? sb.Append($"... ({payload.Length} bytes)").ToString() : sb.ToString();
    }

    /// <summary>The object that holds the last segment of <paramref name="path"/> (<c>*</c> takes the first item or member).</summary>
    private static JsonNode? Parent(JsonNode? root, IReadOnlyList<string> path)
    {
        var node = root;
        foreach (var segment in path.Take(path.Count - 1))
        {
            node = node switch
            {
                JsonObject o when segment == "*" => o.FirstOrDefault().Value,
                JsonObject o => o[segment],
                JsonArray a when a.Count > 0 => a[0],
                _ => null,
            };
        }

        return node;
    }

    private static byte[] Apply(byte[] bytes, ByteEdit edit, out string step)
    {
        var at = edit.Position % (bytes.Length + 1);
        switch (edit.Kind)
        {
            case ByteEditKind.FlipBit when bytes.Length > 0:
            {
                var copy = (byte[])bytes.Clone();
                at %= bytes.Length;
                copy[at] ^= (byte)(1 << (edit.Choice % 8));
                step = $"flip bit {edit.Choice % 8} of byte {at}";
                return copy;
            }

            case ByteEditKind.InsertByte:
                step = $"insert 0x{edit.Choice % 256:X2} at {at}";
                return Splice(bytes, at, 0, new[] { (byte)(edit.Choice % 256) });
            case ByteEditKind.InsertToken:
            {
                var token = s_tokens[edit.Choice % s_tokens.Length];
                step = $"insert {Printable(token)} at {at}";
                return Splice(bytes, at, 0, token);
            }

            case ByteEditKind.Delete:
            {
                var count = Math.Min(1 + (edit.Choice % 16), bytes.Length - at);
                step = $"delete {count} bytes at {at}";
                return Splice(bytes, at, count, Array.Empty<byte>());
            }

            case ByteEditKind.Duplicate:
            {
                var count = Math.Min(1 + (edit.Choice % 64), bytes.Length - at);
                step = $"repeat {count} bytes at {at}";
                return Splice(bytes, at, 0, bytes.AsSpan(at, count).ToArray());
            }

            case ByteEditKind.DuplicateMember when Members(bytes) is { Count: > 0 } members:
            {
                var (start, end) = members[edit.Choice % members.Count];
                step = $"repeat member {Printable(bytes.AsSpan(start, Math.Min(end - start, 60)).ToArray())}";
                return Splice(bytes, end, 0, new[] { (byte)',' }.Concat(bytes.AsSpan(start, end - start).ToArray()).ToArray());
            }

            default:
                step = $"{edit.Kind}: nothing to edit";
                return bytes;
        }
    }

    /// <summary>The byte ranges of every object member (name through value), or none when the text is not JSON.</summary>
    private static List<(int Start, int End)> Members(byte[] bytes)
    {
        var members = new List<(int, int)>();
        var open = new Stack<(int Start, int Depth)>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 1024 });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Read();
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        open.Push((start, reader.CurrentDepth));
                    }
                    else
                    {
                        members.Add((start, (int)reader.BytesConsumed));
                    }
                }
                else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && open.Count > 0 && open.Peek().Depth == reader.CurrentDepth)
                {
                    members.Add((open.Pop().Start, (int)reader.BytesConsumed));
                }
            }
        }
        catch (JsonException)
        {
            members.Clear();
        }

        return members;
    }

    private static byte[] Splice(byte[] bytes, int at, int remove, byte[] insert)
    {
        var result = new byte[bytes.Length - remove + insert.Length];
        bytes.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result, at);
        bytes.AsSpan(at + remove).CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }
}
