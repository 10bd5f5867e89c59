using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.Differential;

/// <summary>
/// A class of payload on which the generated validator and both (agreeing) peers differ for a documented
/// reason: here always both peers sharing one .NET behaviour that the JSON Schema spec rules out. Each entry
/// is a named predicate over one outcome; known-differences.md has the table with reasons and reproducers.
/// </summary>
/// <param name="Name">Short name, as printed by the differential test and used in known-differences.md.</param>
/// <param name="Reason">Why the verdicts differ and why ours is the one kept.</param>
/// <param name="Matches">The predicate: true only for outcomes of this class.</param>
/// <param name="Reproducers">Minimal payloads (schema file, payload) that must keep differing and matching.</param>
public sealed record KnownDifference(
    string Name,
    string Reason,
    Func<Outcome, bool> Matches,
    IReadOnlyList<(string SchemaFile, string Payload)> Reproducers);

/// <summary>
/// The known differences. Every predicate is narrow in the same way: the values it blames must all belong to
/// a listed value class, and putting a neutral valid value in their place must make the disagreement vanish
/// (ours becomes valid, or both peers do). So a case that also differs for any other reason is not excused.
/// </summary>
public static class KnownDifferences
{
    private const string NeutralUri = "https://wooshpay.com/";

    /// <summary>Values ours rejects and both peers accept, because both peers use a .NET behaviour.</summary>
    private static readonly ValueClass[] s_oursRejects =
    {
        new("pattern: '$' before a final newline",
            e => e.Keyword == "pattern",
            v => v.EndsWith('\n') && !v.EndsWith("\n\n", StringComparison.Ordinal),
            v => v.Substring(0, v.Length - 1)),
        new("uri: malformed percent-encoding",
            IsUriFormatError,
            v => Regex.IsMatch(v, "%(?![0-9A-Fa-f]{2})"),
            _ => NeutralUri),
        new("uri: a second '#'",
            IsUriFormatError,
            v => v.Count(c => c == '#') > 1,
            _ => NeutralUri),
        new("uri: trailing whitespace",
            IsUriFormatError,
            v => v.Length > 0 && v[^1] <= ' ',
            _ => NeutralUri),
    };

    /// <summary>URIs ours accepts (RFC 3986 generic syntax) and both peers reject (System.Uri's scheme rules).</summary>
    private static readonly ValueClass[] s_peersReject =
    {
        new("uri: empty host",
            _ => true,
            v => Authority(v) is { } a && a.Host.Length == 0,
            _ => NeutralUri),
        new("uri: port above 65535",
            _ => true,
            v => Authority(v) is { Port.Length: > 0 } a && (a.Port.Length > 5 || int.Parse(a.Port, CultureInfo.InvariantCulture) > 65535),
            _ => NeutralUri),
        new("uri: no authority after http(s) or a one-letter scheme",
            _ => true,
            v => Regex.IsMatch(v, "^(?:[A-Za-z]|[Hh][Tt][Tt][Pp][Ss]?):(?!//)"),
            _ => NeutralUri),
    };

    public static IReadOnlyList<KnownDifference> All { get; } =
        s_oursRejects.Select(c => new KnownDifference(c.Name, OursRejectsReason(c.Name), o => OursRejects(o, c), OursRejectsReproducers(c.Name)))
            .Concat(s_peersReject.Select(c => new KnownDifference(c.Name, PeersRejectReason(c.Name), o => PeersReject(o, c), PeersRejectReproducers(c.Name))))
            .ToList();

    /// <summary>A kind of value, the errors it shows up in, and a value to put in its place that is valid.</summary>
    private sealed record ValueClass(string Name, Func<ReportedError, bool> Error, Func<string, bool> Value, Func<string, string> Fix);

    /// <summary>
    /// Ours rejects, both peers accept; every error of ours (anyOf wrappers aside) is on a value of a class in
    /// <see cref="s_oursRejects"/>, at least one of <paramref name="mine"/>; with those values fixed ours accepts.
    /// </summary>
    private static bool OursRejects(Outcome o, ValueClass mine)
    {
        if (o.Ours != Verdict.Invalid || o.NJsonSchema.Verdict != Verdict.Valid || o.JsonSchemaNet.Verdict != Verdict.Valid)
        {
            return false;
        }

        var blamed = new List<(string Pointer, ValueClass Class)>();
        foreach (var error in o.OursErrors.Where(e => e.Keyword != "anyOf"))
        {
            var value = o.StringAt(error.InstanceLocation);
            var cls = value is null ? null : s_oursRejects.FirstOrDefault(c => c.Error(error) && c.Value(value));
            if (cls is null)
            {
                return false;
            }

            blamed.Add((error.InstanceLocation, cls));
        }

        // A failed anyOf (a nullable $ref, say) is reported next to its alternative's error: it must be at a blamed value or above one.
        if (blamed.All(b => b.Class != mine)
            || o.OursErrors.Any(e => e.Keyword == "anyOf" && !blamed.Any(b => b.Pointer == e.InstanceLocation || b.Pointer.StartsWith(e.InstanceLocation + "/", StringComparison.Ordinal))))
        {
            return false;
        }

        var repaired = WithStrings(o.Payload, blamed.Select(b => (b.Pointer, b.Class.Fix(o.StringAt(b.Pointer)!))));
        return DifferentialOracle.Run(o.SchemaFile, repaired).Ours == Verdict.Valid;
    }

    /// <summary>
    /// Ours accepts, both peers reject; every place JsonSchema.Net fails the uri format holds a value of a class in
    /// <see cref="s_peersReject"/>, at least one of <paramref name="mine"/>; with those values fixed both peers accept.
    /// </summary>
    private static bool PeersReject(Outcome o, ValueClass mine)
    {
        if (o.Ours != Verdict.Valid || o.NJsonSchema.Verdict != Verdict.Invalid || o.JsonSchemaNet.Verdict != Verdict.Invalid)
        {
            return false;
        }

        var blamed = new List<(string Pointer, ValueClass Class)>();
        foreach (var pointer in PeerValidators.JsonSchemaNetFormatFailures(o.SchemaFile, o.Payload, "uri"))
        {
            var value = o.StringAt(pointer);
            var cls = value is null ? null : s_peersReject.FirstOrDefault(c => c.Value(value));
            if (cls is null)
            {
                return false;
            }

            blamed.Add((pointer, cls));
        }

        if (blamed.All(b => b.Class != mine))
        {
            return false;
        }

        var repaired = WithStrings(o.Payload, blamed.Select(b => (b.Pointer, b.Class.Fix(o.StringAt(b.Pointer)!))));
        return PeerValidators.NJsonSchema(o.SchemaFile, repaired).Verdict == Verdict.Valid
            && PeerValidators.JsonSchemaNet(o.SchemaFile, repaired).Verdict == Verdict.Valid;
    }

    private static bool IsUriFormatError(ReportedError e)
        => e.Keyword == "format" && e.Message.EndsWith(" is not a valid uri.", StringComparison.Ordinal);

    /// <summary>The host and port of a URI with an authority ("scheme://[userinfo@]host[:port]"), or null.</summary>
    private static (string Host, string Port)? Authority(string uri)
    {
        var m = Regex.Match(uri, @"^[A-Za-z][A-Za-z0-9+.\-]*://(?:[^/?#@]*@)?(?<host>\[[^\]]*\]|[^/?#:]*)(?::(?<port>[0-9]*))?(?:[/?#]|\z)");
        return m.Success ? (m.Groups["host"].Value, m.Groups["port"].Value) : null;
    }

    /// <summary>The payload with the strings at the given instance locations replaced.</summary>
    private static string WithStrings(string payload, IEnumerable<(string Pointer, string Value)> replacements)
    {
        var root = PayloadMutations.ParseNode(payload);
        foreach (var (pointer, value) in replacements)
        {
            var tokens = JsonPointer.Tokens(pointer).ToList();
            var parent = root;
            foreach (var token in tokens.Take(tokens.Count - 1))
            {
                parent = parent is JsonArray a ? a[int.Parse(token, CultureInfo.InvariantCulture)] : parent![token];
            }

            if (parent is JsonArray array)
            {
                array[int.Parse(tokens[^1], CultureInfo.InvariantCulture)] = JsonValue.Create(value);
            }
            else
            {
                parent![tokens[^1]] = JsonValue.Create(value);
            }
        }

        return PayloadMutations.Serialize(root);
    }

    private static string OursRejectsReason(string name) => name switch
    {
        "pattern: '$' before a final newline" =>
            "JSON Schema patterns are ECMA-262 regular expressions, where '$' matches only at the end of the input; both peers run "
            + "patterns with .NET's Regex, whose '$' also matches before a final \\n, so \"pi_...\\n\" passes ^pi_[0-9]{19}$ there. "
            + "Ours translates patterns to ECMA-262 semantics. Peer bug; ours kept.",
        "uri: malformed percent-encoding" =>
            "RFC 3986 pct-encoded is '%' HEXDIG HEXDIG; '%zz' (or the '%et' of 'fe80::1%eth0', which parses as scheme 'fe80') is not "
            + "a URI. Both peers check 'uri' with System.Uri, which accepts and re-escapes a stray '%'. Format strictness; ours kept.",
        "uri: a second '#'" =>
            "RFC 3986 fragment = *( pchar / \"/\" / \"?\" ) has no '#', so '.../#a#b' is not a URI; System.Uri (both peers) "
            + "takes the rest as fragment. Format strictness; ours kept.",
        "uri: trailing whitespace" =>
            "RFC 3986 allows no whitespace or control character; System.Uri (both peers) trims trailing whitespace, a final \\n "
            + "included, before parsing. (With a leading space the peers split: JsonSchema.Net rejects it.) Format strictness; ours kept.",
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string PeersRejectReason(string name) => name switch
    {
        "uri: empty host" =>
            "RFC 3986 generic syntax allows an empty host (reg-name = *( unreserved / pct-encoded / sub-delims )), so 'https://' "
            + "is a URI; System.Uri (both peers) applies the http(s) scheme's own rule that a host is required. JSON Schema's "
            + "'uri' is RFC 3986 syntax. Format strictness; ours kept.",
        "uri: port above 65535" =>
            "RFC 3986 port = *DIGIT, without a range; System.Uri (both peers) rejects ports above 65535. Format strictness; ours kept.",
        "uri: no authority after http(s) or a one-letter scheme" =>
            "RFC 3986 URI = scheme \":\" hier-part, and hier-part may be a rootless or empty path, so 'a:b' and 'https:' are URIs; "
            + "System.Uri (both peers) requires an authority for http(s) and reads a one-letter scheme as a DOS drive letter. "
            + "Format strictness; ours kept.",
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private const string PaymentIntentRequest = "payment_intent.create.request.schema.json";

    private static IReadOnlyList<(string SchemaFile, string Payload)> OursRejectsReproducers(string name) => name switch
    {
        "pattern: '$' before a final newline" => new[]
        {
            ("refund.create.request.schema.json", """{"payment_intent":"pi_1666729870215872512\n"}"""),
            (PaymentIntentRequest, """{"amount":20,"currency":"CNY\n"}"""),
        },
        "uri: malformed percent-encoding" => new[]
        {
            (PaymentIntentRequest, """{"amount":20,"currency":"CNY","return_url":"https://wooshpay.com/%zz"}"""),
            (PaymentIntentRequest, """{"amount":20,"currency":"CNY","return_url":"fe80::1%eth0"}"""),
        },
        "uri: a second '#'" => new[] { (PaymentIntentRequest, """{"amount":20,"currency":"CNY","return_url":"https://wooshpay.com/#a#b"}""") },
        "uri: trailing whitespace" => new[] { (PaymentIntentRequest, """{"amount":20,"currency":"CNY","return_url":"https://wooshpay.com\n"}""") },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static IReadOnlyList<(string SchemaFile, string Payload)> PeersRejectReproducers(string name) => name switch
    {
        "uri: empty host" => new[] { (PaymentIntentRequest, """{"amount":20,"currency":"CNY","return_url":"https://"}""") },
        "uri: port above 65535" => new[] { (PaymentIntentRequest, """{"amount":20,"currency":"CNY","return_url":"https://wooshpay.com:99999/"}""") },
        "uri: no authority after http(s) or a one-letter scheme" => new[]
        {
            (PaymentIntentRequest, """{"amount":20,"currency":"CNY","return_url":"a:b"}"""),
            (PaymentIntentRequest, """{"amount":20,"currency":"CNY","return_url":"https:"}"""),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}

/// <summary>A validator bug the differential test found, fixed in generator/Runtime; its reproducer is re-checked on every run.</summary>
public sealed record RuntimeFix(string Name, string Reason, string SchemaFile, string Payload, Verdict Expected);

public static class RuntimeFixes
{
    public static IReadOnlyList<RuntimeFix> All { get; } = new RuntimeFix[]
    {
        new(
            "StopAtFirstError kept an anyOf's alternatives' errors",
            "a failed anyOf/oneOf inserted its own error ahead of the errors of its alternatives, so StopAtFirstError "
                + "returned 2-4 errors; SchemaValidator.Validate now keeps only the first (ValidationOptions promises at most one).",
            "payment_intent.schema.json",
            """{"id":"pi_1666732544285999104","object":"payment_intent","created":1686214980000,"currency":"CNY","amount":20,"status":"requires_action","livemode":true,"client_secret":null,"payment_method_types":null,"confirmation_method":"automatic","capture_method":"automatic","payment_method_options":{"alipay":true}}""",
            Verdict.Invalid),
        new(
            "Numbers beyond decimal precision rounded before minimum/integer checks",
            "JsonElement.TryGetDecimal silently rounds past 28 significant digits, so 0.9999999999999999999999999999999999 "
                + "passed {type: integer, minimum: 1} (both peers reject it); JsonValues now compares and tests integers exactly from the number's text.",
            "refund.create.request.schema.json",
            """{"payment_intent":"pi_1666729870215872512","amount":0.9999999999999999999999999999999999}""",
            Verdict.Invalid),
        new(
            "1e400 was not an integer",
            "beyond double's range ours fell back to an infinite double and called 1e400 (= 10^400, an integer >= 1) a non-integer; "
                + "JsonSchema.Net accepts it (NJsonSchema reads it as a float). Fixed by the same exact comparison; since amounts have "
                + "\"maximum\": 9007199254740991 it is an integer refused by maximum.",
            "refund.create.request.schema.json",
            """{"payment_intent":"pi_1666729870215872512","amount":1e400}""",
            Verdict.Invalid),
        new(
            "1.0000000000000000000000000000001 was an integer",
            "decimal rounds it to 1; it has a fractional part, so it is not an integer (NJsonSchema agrees; JsonSchema.Net, going through double, does not). "
                + "Fixed by the same exact comparison.",
            "refund.create.request.schema.json",
            """{"payment_intent":"pi_1666729870215872512","amount":1.0000000000000000000000000000001}""",
            Verdict.Invalid),
    };
}
