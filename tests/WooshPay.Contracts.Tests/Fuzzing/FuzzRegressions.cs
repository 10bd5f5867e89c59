using System.Text;
using Xunit;

namespace WooshPay.Contracts.Tests.Fuzzing;

/// <summary>
/// Payloads the fuzzer once found breaking an invariant, kept so that the fix stays: each must now pass every check of
/// its target (<see cref="FuzzTests.Run"/>). A reproducer is written as text where <c>\xNN</c> is one raw byte.
/// </summary>
public sealed class FuzzRegressions
{
    private static readonly (string Name, string Target, string Reproducer)[] s_found =
    {
        // The compiled pass read names as bytes and never decoded them, so it accepted what the interpreter refused.
        ("invalid UTF-8 in a property name, compiled pass", "RefundCreateRequest",
            "{\"payment_intent\":\"pi_1666729870215872512\",\"amount\":10,\"reason\":\"requested_by_customer\",\"metadata\":{\"or\\xE2\\x82der_id\":\"6735\"}}"),

        // Parse decoded invalid UTF-8 as U+FFFD: a string silently changed on the round trip.
        ("invalid UTF-8 in a string value, Parse", "CheckoutSessionCreateRequest",
            "{\"cancel_url\":\"https://www.baidu.com\",\"mode\":\"payment\",\"success_url\":\"https://wooshpay.com/\",\"payment_method_types\":[\"alipay\"],"
                + "\"line_items\":[{\"price_data\":{\"currency\":\"CNY\",\"unit_amount\":100000,\"active\":true,\"product_data\":{\"name\":\"x\"},"
                + "\"billing_scheme\":\"er_unit\",\"look&up_key\":\"tes\\xA2t_lookup_key\"},\"quantity\":1}]}"),

        // The validator accepted a lone surrogate escape that Parse refused.
        ("lone surrogate escape in a string value", "PaymentIntentCancelRequest",
            "{\"cancellation_reason\":\"r\\ud800equested_by_customer\"}"),

        // An integer without a maximum: valid to the validator, beyond long for Parse.
        ("integer beyond long in a timestamp", "WebhookEndpoint",
            "{\"id\":\"we_1733097600000000001\",\"object\":\"webhook_endpoint\",\"url\":\"https://merchant.example/webhooks/wooshpay\",\"enabled_events\":[\"payment_intent.succeeded\"],"
                + "\"description\":\"Order fulfilment\",\"api_version\":\"2023-10-16\",\"secret\":\"whsec_sample0000000000000000000000000000\",\"status\":\"enabled\",\"livemode\":false,"
                + "\"created\":9223372036854775808,\"metadata\":{}}"),

        // Parse named the members inside a resource it keeps whole, and one was inside a client_secret.
        ("a fault within a secret of a resource kept whole, Parse", "WooshPayEvent",
            "{\"id\":\"evt_3000000000000000001\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"created\":1700000000000,"
                + "\"data\":{\"object\":{\"object\":\"IOS\",\"client_secret\":{\"sk_live_FUZZLEAK_as_key\":\"whsec_FUZZLEAK_as_value\\xED\\xA0\\x80\"}}}}"),

        // A list whose data is an object, not an array: the validator's pointer named a key inside a client_secret there.
        ("a fault within a secret of a list item sent as an object member", "PaymentIntentList",
            "{\"object\":\"list\",\"url\":\"/v1/payment_intents\",\"has_more\":false,"
                + "\"data\":{\"a\":{\"a\":1,\"client_secret\":{\"sk_live_FUZZLEAK_as_key\\xF8\":\"whsec_FUZZLEAK_as_value\"}}}}"),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var found in s_found)
        {
            data.Add(found.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_former_finding_now_keeps_every_invariant(string name)
    {
        var found = s_found.Single(f => f.Name == name);

        Assert.Null(FuzzTests.Run(FuzzTarget.Named(found.Target), Bytes(found.Reproducer)));
    }

    private static byte[] Bytes(string text)
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
