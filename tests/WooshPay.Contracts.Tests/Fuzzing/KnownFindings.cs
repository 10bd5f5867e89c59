using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace WooshPay.Contracts.Tests.Fuzzing;

/// <summary>
/// Fuzzer findings in code that is being changed elsewhere (issue 9, case 7): each names the failure it explains, the
/// inputs it covers and a reproducer. A finding of such a kind is counted, not failed; once the code is fixed its
/// reproducer passes and <see cref="KnownFindingTests"/> says to delete the entry.
/// </summary>
public sealed record KnownFinding(string Name, string Target, string Reproducer, Regex Failure, Func<byte[], bool> Covers)
{
    private static readonly UTF8Encoding s_strict = new(false, true);

    private static readonly Regex s_loneSurrogate = new(@"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", RegexOptions.CultureInvariant);

    public static readonly IReadOnlyList<KnownFinding> All = new KnownFinding[]
    {
        // The compiled pass reads strings and names as bytes and never decodes them; the interpreter does, and says invalid.
        new("The compiled validator accepts invalid UTF-8 in a string or a property name",
            "RefundCreateRequest",
            "{\"payment_intent\":\"pi_1666729870215872512\",\"amount\":10,\"reason\":\"requested_by_customer\",\"metadata\":{\"or\\xE2\\x82der_id\":\"6735\"}}",
            new Regex("^verdicts differ: compiled True, interpreter False"),
            payload => !IsUtf8(payload)),

        // Parse decodes invalid UTF-8 as U+FFFD: a string silently changes, and the text written back is then not stable.
        new("Parse accepts invalid UTF-8 in a string value",
            "CheckoutSessionCreateRequest",
            "{\"cancel_url\":\"https://www.baidu.com\",\"mode\":\"payment\",\"success_url\":\"https://wooshpay.com/\",\"payment_method_types\":[\"alipay\"],"
                + "\"line_items\":[{\"price_data\":{\"currency\":\"CNY\",\"unit_amount\":100000,\"active\":true,\"product_data\":{\"name\":\"x\"},"
                + "\"billing_scheme\":\"er_unit\",\"look&up_key\":\"tes\\xA2t_lookup_key\"},\"quantity\":1}]}",
            new Regex("^(ToJson changes on a second round trip|ToJson of a valid payload does not validate)"),
            payload => !IsUtf8(payload)),

        // The validator accepts a lone surrogate escape in a string value; Parse refuses it ("not valid UTF-16").
        new("Validate accepts a lone surrogate escape in a string, Parse refuses it",
            "PaymentIntentCancelRequest",
            "{\"cancellation_reason\":\"r\\ud800equested_by_customer\"}",
            new Regex("^Validate accepts, Parse refuses: .*not valid UTF-16"),
            payload => s_loneSurrogate.IsMatch(Encoding.UTF8.GetString(payload))),
    };

    /// <summary>The reproducer as bytes: <c>\xNN</c> is one byte, everything else is UTF-8.</summary>
    public byte[] ReproducerBytes => Unprintable(Reproducer);

    /// <summary>The known finding that explains <paramref name="failure"/> on <paramref name="payload"/>, if any.</summary>
    public static KnownFinding? Explaining(string failure, byte[] payload)
        => All.FirstOrDefault(k => k.Failure.IsMatch(failure) && k.Covers(payload));

    private static bool IsUtf8(byte[] payload)
    {
        try
        {
            s_strict.GetCharCount(payload);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] Unprintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 2, 2), 16));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return bytes.ToArray();
    }
}

/// <summary>Each known finding still fails as it says (else it was fixed and its entry must go).</summary>
public sealed class KnownFindingTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var finding in KnownFinding.All)
        {
            data.Add(finding.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_reproducer_still_fails_as_described(string name)
    {
        var finding = KnownFinding.All.Single(k => k.Name == name);
        var payload = finding.ReproducerBytes;

        var failure = FuzzTests.Run(FuzzTarget.Named(finding.Target), payload);

        Assert.True(failure != null, $"\"{name}\" no longer reproduces: delete it from KnownFinding.All.");
        Assert.Same(finding, KnownFinding.Explaining(failure, payload));
    }
}
