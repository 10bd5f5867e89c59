using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.Differential;

/// <summary>The kinds of damage done to a sample payload; each is applied at a place chosen by <see cref="Mutation.Target"/>.</summary>
public enum MutationKind
{
    /// <summary>Remove one member of some object (a required property, or an optional one).</summary>
    DropProperty,

    /// <summary>Replace some value (the root included) with a value of another JSON type.</summary>
    ChangeType,

    /// <summary>Add a member that the schema does not declare, at the root or in a nested object.</summary>
    InjectUnknownKey,

    /// <summary>Replace a number with 0, a negative, a huge, a fractional or an exponent-written number.</summary>
    OutOfRangeNumber,

    /// <summary>Replace a string with a case change of itself ("web" for "WEB") or another vocabulary word.</summary>
    WrongEnumValue,

    /// <summary>Replace a string with a bad or borderline ipv4/ipv6/uri, an identifier or currency code that nearly fits.</summary>
    BadFormat,

    /// <summary>Replace a value with, or add to an object, a deeply nested array or object.</summary>
    DeepNesting,

    /// <summary>Rename a member to its Korean machine translation (the published samples' defect).</summary>
    KoreanKey,

    /// <summary>Replace a value (the root included) with null.</summary>
    NullValue,

    /// <summary>Empty an array, duplicate, drop or append an item.</summary>
    ArrayEdit,
}

/// <summary>One mutation: what to do, where (an index into the candidate places, taken modulo their count) and with which replacement.</summary>
public readonly record struct Mutation(MutationKind Kind, int Target, int Choice);

/// <summary>A generated case: a base sample for a schema and the mutations applied to it in order.</summary>
public sealed record MutationCase(string SchemaFile, string BaseSample, IReadOnlyList<Mutation> Mutations)
{
    /// <summary>The mutated payload and one line per mutation saying what was done where.</summary>
    public (string Payload, IReadOnlyList<string> Steps) Build()
    {
        JsonNode? root = PayloadMutations.ParseNode(File.ReadAllText(BaseSample));
        var steps = new List<string>();
        foreach (var mutation in Mutations)
        {
            root = PayloadMutations.Apply(root, mutation, out var step);
            steps.Add(step);
        }

        return (PayloadMutations.Serialize(root), steps);
    }

    public override string ToString()
    {
        var (payload, steps) = Build();
        return $"{SchemaFile} <- {Path.GetFileName(Path.GetDirectoryName(BaseSample))}/{Path.GetFileName(BaseSample)}"
            + string.Concat(steps.Select(s => Environment.NewLine + "  * " + s))
            + Environment.NewLine + "  payload: " + payload;
    }
}

/// <summary>CsCheck generators of mutated payloads, and the mutations themselves.</summary>
public static class PayloadMutations
{
    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1024 };

    private static readonly string[] s_typeChanges =
        { "\"20\"", "20", "1.5", "true", "false", "null", "[]", "{}", "[\"alipay\"]", "{\"type\":\"alipay\"}", "\"\"" };

    private static readonly string[] s_unknownKeys =
    {
        "unknown", "extra_field", "Amount", "AMOUNT", "amount ", "금액", "통화", "결제_방법_옵션", "취소_URL",
        "x-y", "", "__proto__", "$ref", "id", "type", "metadata", "livemode", "object",
    };

    private static readonly string[] s_unknownValues = { "1", "\"x\"", "null", "{}", "[]", "true", "{\"a\":1}" };

    private static readonly string[] s_numbers =
    {
        "0", "-1", "-20", "1", "2", "20.0", "1.5", "0.5", "-0", "0.0", "1e2", "1E+2", "1.0e1", "2e-1",
        "9007199254740993", "9223372036854775807", "9223372036854775808", "79228162514264337593543950336",
        "1e400", "-1e400", "1e-400", "100000000000", "99999999999", "99999999999.5", "1686214342000.0",
        "1.00000000000000000000001", "0.99999999999999999999999",
        // More significant digits than decimal holds (28), or beyond double's range: exact comparison needed.
        "0.9999999999999999999999999999999999", "1.0000000000000000000000000000001", "1E400", "-0.0000000000000000000000000000000001",
        "99999999999.99999999999999999999999", "100000000000.0000000000000000000000001", "20.000000000000000000000000000000",
    };

    private static readonly string[] s_vocabulary =
    {
        "web", "app", "Web", "Alipay", "ALIPAY", "alipay", "card", "wechat_pay", "alipayplus", "payment", "setup",
        "PAYMENT", "per_unit", "tiered", "automatic", "manual", "one_time", "recurring", "open", "complete",
        "expired", "unpaid", "paid", "duplicate", "requested_by_customer", "succeeded", "failed", "WEB", "APP",
        "IOS", "ANDROID", "ios", "redirect_to_url", "REDIRECT_TO_URL", "auto", "required", "결제", "미지급",
        "", " alipay", "alipay ", "payment_intent", "checkout.session", "refund", "list", "item", "price", "product",
    };

    private static readonly string[] s_badIps =
    {
        "999.1.1.1", "192.168.0.1", "0.0.0.0", "255.255.255.255", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4",
        "1.2.3.4 ", " 1.2.3.4", "١٢٣.1.1.1", "1.2.3.4\n", "::1", "2001:db8::1", "::ffff:192.168.0.1", "fe80::1%eth0",
        "2001:db8:::1", "1::2::3", "12345::1", "::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "::ffff:999.1.1.1", "",
    };

    private static readonly string[] s_badUris =
    {
        "not a uri", "www.baidu.com", "https://wooshpay.com", "https://wooshpay.com/", "http://[::1]:80/",
        "http://[::1", "https://例子.测试/", "https://wooshpay.com/a b", "https://wooshpay.com/%zz",
        "https://wooshpay.com/%20", "mailto:pay@wooshpay.com", "urn:isbn:0451450523", "//wooshpay.com/path",
        "/v1/checkout/sessions", "https:", "https://", "a:b", "1http://x", "https://wooshpay.com/#a#b",
        "https://wooshpay.com/?q=한글", "file:///etc/passwd", "https://wooshpay.com:99999/", "https://wooshpay.com\n",
        "http://a b.com/", "https://wooshpay.com/<script>", "\\\\server\\share", " https://wooshpay.com/", "",
    };

    private static readonly string[] s_badIdentifiers =
    {
        "pi_1666729870215872512\n", "pi_166672987021587251", "pi_16667298702158725123", "PI_1666729870215872512",
        "pi_166672987021587251٢", "cus_1234567890123456789", "pi_1666729870215872512_secret_jmGL6NBNInPx5zdjIJ2utli4",
        "pi_1666729870215872512_secret_jmGL6NBNInPx5zdjIJ2utli", "cs_test_1666733999608823808", "re_1667084512345678848",
        "pm_1666729870102626304", "pi_1666729870215872512 ", "",
    };

    private static readonly string[] s_badCurrencies = { "CNY\n", "cny", "CnY", "CN", "CNYY", "ＣＮＹ", "USD", "usd", " CNY", "" };

    /// <summary>Every bad format, for strings that look like none of the above (and, now and then, for any string).</summary>
    private static readonly string[] s_badFormats = s_badIps.Concat(s_badUris).Concat(s_badIdentifiers).Concat(s_badCurrencies).ToArray();

    /// <summary>The bad values that fit what the string looks like: a URI gets bad URIs, an IP address bad addresses, and so on.</summary>
    private static string[] FormatPoolFor(string current, int choice)
    {
        if (choice % 5 == 4)
        {
            return s_badFormats;
        }

        if (current.Contains("://", StringComparison.Ordinal))
        {
            return s_badUris;
        }

        if (current.Length > 0 && current.All(c => c is (>= '0' and <= '9') or '.' or ':' or (>= 'a' and <= 'f') or (>= 'A' and <= 'F')) && current.IndexOfAny(new[] { '.', ':' }) >= 0)
        {
            return s_badIps;
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(current, "^[a-z]+_[0-9]"))
        {
            return s_badIdentifiers;
        }

        return System.Text.RegularExpressions.Regex.IsMatch(current, "^[A-Za-z]{3}$") ? s_badCurrencies : s_badFormats;
    }

    private static readonly Dictionary<string, string> s_korean = new(StringComparer.Ordinal)
    {
        ["amount"] = "금액", ["currency"] = "통화", ["quantity"] = "수량", ["object"] = "객체", ["description"] = "설명",
        ["data"] = "데이터", ["cancel_url"] = "취소_URL", ["unit_amount"] = "단위_금액", ["payment_method_options"] = "결제_방법_옵션",
        ["amount_subtotal"] = "금액_소계", ["amount_total"] = "금액_총계", ["billing_address_collection"] = "청구지_주소_수집",
        ["mode"] = "모드", ["type"] = "유형", ["status"] = "상태", ["metadata"] = "메타데이터",
    };

    /// <summary>One mutation; every int shrinks towards 0 (the first place, the first replacement).</summary>
    public static readonly Gen<Mutation> Mutation =
        Gen.Select(Gen.Int[0, Enum.GetValues<MutationKind>().Length - 1], Gen.Int[0, 4000], Gen.Int[0, 4000],
            (kind, target, choice) => new Mutation((MutationKind)kind, target, choice));

    /// <summary>Cases for one schema: one of its samples and one to three mutations (shrinking prefers one).</summary>
    public static Gen<MutationCase> CasesFor(string schemaFile, IReadOnlyList<string> baseSamples)
        => Gen.Select(Gen.Int[0, baseSamples.Count - 1], Mutation.Array[1, 3],
            (sample, mutations) => new MutationCase(schemaFile, baseSamples[sample], mutations));

    /// <summary>Parses with the depth limit the peers are given, so deep-nesting mutations round-trip.</summary>
    public static JsonNode? ParseNode(string json)
        => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = PeerValidators.MaxDepth });

    public static string Serialize(JsonNode? root) => root is null ? "null" : root.ToJsonString(s_compact);

    /// <summary>A place in the document that holds a value: the root (no parent), an object member or an array item.</summary>
    private sealed record Slot(string Pointer, JsonNode? Parent, string? Key, int Index, JsonNode? Value)
    {
        public JsonValueKind Kind => Value?.GetValueKind() ?? JsonValueKind.Null;
    }

    public static JsonNode? Apply(JsonNode? root, Mutation mutation, out string step)
    {
        var slots = Slots(root);
        switch (mutation.Kind)
        {
            case MutationKind.DropProperty:
            {
                if (!TryPick(slots, s => s.Parent is JsonObject, mutation.Target, out var slot))
                {
                    step = "drop: no member to drop";
                    return root;
                }

                ((JsonObject)slot.Parent!).Remove(slot.Key!);
                step = $"drop {slot.Pointer}";
                return root;
            }

            case MutationKind.ChangeType:
            {
                var slot = Pick(slots, mutation.Target);
                var options = s_typeChanges.Where(t => KindOf(t) != slot.Kind && !(slot.Kind == JsonValueKind.True && KindOf(t) == JsonValueKind.False)).ToList();
                var replacement = Pick(options, mutation.Choice);
                step = $"type change {slot.Pointer} = {replacement}";
                return Set(root, slot, PayloadMutations.ParseNode(replacement));
            }

            case MutationKind.InjectUnknownKey:
            {
                if (!TryPick(slots, s => s.Value is JsonObject, mutation.Target, out var slot))
                {
                    step = "inject: no object";
                    return root;
                }

                var key = Pick(s_unknownKeys, mutation.Choice);
                var value = Pick(s_unknownValues, mutation.Choice / s_unknownKeys.Length);
                ((JsonObject)slot.Value!)[key] = PayloadMutations.ParseNode(value);
                step = $"inject {slot.Pointer}/{JsonPointer.Escape(key)} = {value}";
                return root;
            }

            case MutationKind.OutOfRangeNumber:
            {
                if (!TryPick(slots, s => s.Kind == JsonValueKind.Number, mutation.Target, out var slot))
                {
                    step = "number: no number";
                    return root;
                }

                var replacement = Pick(s_numbers, mutation.Choice);
                step = $"number {slot.Pointer} = {replacement}";
                return Set(root, slot, PayloadMutations.ParseNode(replacement));
            }

            case MutationKind.WrongEnumValue:
            case MutationKind.BadFormat:
            {
                if (!TryPick(slots, s => s.Kind == JsonValueKind.String, mutation.Target, out var slot))
                {
                    step = "string: no string";
                    return root;
                }

                var current = slot.Value!.GetValue<string>();
                var pool = mutation.Kind == MutationKind.BadFormat
                    ? FormatPoolFor(current, mutation.Choice)
                    : new[] { current.ToUpperInvariant(), current.ToLowerInvariant(), TitleCase(current) }.Concat(s_vocabulary).ToArray();
                var replacement = Pick(pool, mutation.Kind == MutationKind.BadFormat ? mutation.Choice / 5 : mutation.Choice);
                step = $"{(mutation.Kind == MutationKind.BadFormat ? "format" : "enum")} {slot.Pointer} = {JsonSerializer.Serialize(replacement, s_compact)}";
                return Set(root, slot, JsonValue.Create(replacement));
            }

            case MutationKind.DeepNesting:
            {
                var depth = 1 + (mutation.Choice % 100);
                var asArray = (mutation.Choice / 100) % 2 == 0;
                var nested = Nest(depth, asArray);
                var slot = Pick(slots, mutation.Target);
                var shape = $"{depth} levels of {(asArray ? "[...]" : "{\"a\":...}")}";
                if (slot.Value is JsonObject obj && (mutation.Choice / 200) % 2 == 0)
                {
                    obj["nested"] = PayloadMutations.ParseNode(nested);
                    step = $"nest {slot.Pointer}/nested = {shape}";
                    return root;
                }

                step = $"nest {slot.Pointer} = {shape}";
                return Set(root, slot, PayloadMutations.ParseNode(nested));
            }

            case MutationKind.KoreanKey:
            {
                if (!TryPick(slots, s => s.Parent is JsonObject, mutation.Target, out var slot))
                {
                    step = "korean: no member";
                    return root;
                }

                var korean = s_korean.TryGetValue(slot.Key!, out var k) ? k : "키_" + slot.Key;
                Rename((JsonObject)slot.Parent!, slot.Key!, korean);
                step = $"rename {slot.Pointer} -> {korean}";
                return root;
            }

            case MutationKind.NullValue:
            {
                var slot = Pick(slots, mutation.Target);
                step = $"null {slot.Pointer}";
                return Set(root, slot, null);
            }

            case MutationKind.ArrayEdit:
            {
                if (!TryPick(slots, s => s.Value is JsonArray, mutation.Target, out var slot))
                {
                    step = "array: no array";
                    return root;
                }

                var array = (JsonArray)slot.Value!;
                switch (mutation.Choice % 4)
                {
                    case 0:
                        array.Clear();
                        step = $"array {slot.Pointer} emptied";
                        break;
                    case 1 when array.Count > 0:
                        array.Add(array[0]?.DeepClone());
                        step = $"array {slot.Pointer} first item duplicated";
                        break;
                    case 2 when array.Count > 0:
                        array.RemoveAt(array.Count - 1);
                        step = $"array {slot.Pointer} last item removed";
                        break;
                    default:
                        var item = Pick(new[] { "\"card\"", "\"alipay\"", "\"wechat_pay\"", "1", "null", "{}" }, mutation.Choice / 4);
                        array.Add(PayloadMutations.ParseNode(item));
                        step = $"array {slot.Pointer} += {item}";
                        break;
                }

                return root;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(mutation));
        }
    }

    /// <summary>Picks one of the slots that match, or says there is none (the mutation then leaves the payload as it is).</summary>
    private static bool TryPick(List<Slot> slots, Func<Slot, bool> match, int target, out Slot slot)
    {
        var candidates = slots.Where(match).ToList();
        slot = candidates.Count == 0 ? null! : Pick(candidates, target);
        return candidates.Count > 0;
    }

    private static List<Slot> Slots(JsonNode? root)
    {
        var slots = new List<Slot>();
        void Walk(string pointer, JsonNode? parent, string? key, int index, JsonNode? value)
        {
            slots.Add(new Slot(pointer, parent, key, index, value));
            switch (value)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj.ToList())
                    {
                        Walk(pointer + "/" + JsonPointer.Escape(name), obj, name, -1, child);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(pointer + "/" + i.ToString(CultureInfo.InvariantCulture), array, null, i, array[i]);
                    }

                    break;
            }
        }

        Walk(string.Empty, null, null, -1, root);
        return slots;
    }

    private static JsonNode? Set(JsonNode? root, Slot slot, JsonNode? value)
    {
        switch (slot.Parent)
        {
            case JsonObject obj:
                obj[slot.Key!] = value;
                return root;
            case JsonArray array:
                array[slot.Index] = value;
                return root;
            default:
                return value;
        }
    }

    /// <summary>Renames a member in place, keeping the members' order.</summary>
    private static void Rename(JsonObject obj, string from, string to)
    {
        var members = obj.ToList();
        obj.Clear();
        foreach (var (name, value) in members)
        {
            var newName = name == from ? to : name;
            if (!obj.ContainsKey(newName))
            {
                obj[newName] = value?.DeepClone();
            }
        }
    }

    private static string Nest(int depth, bool asArray)
        => asArray
            ? new string('[', depth) + "1" + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static JsonValueKind KindOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind;
    }

    private static T Pick<T>(IReadOnlyList<T> items, int index) => items[index % items.Count];

    private static string TitleCase(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1).ToLowerInvariant();
}
