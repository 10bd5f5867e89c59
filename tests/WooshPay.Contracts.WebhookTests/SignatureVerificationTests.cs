using System.Text;
using Xunit;

namespace WooshPay.Contracts.WebhookTests;

/// <summary>Each rule of the Wooshpay-Signature check, with signatures computed by the test (HMACSHA256, or openssl on a fixed vector).</summary>
public sealed class SignatureVerificationTests
{
    private const long T = 1_700_000_000;
    private static readonly FixedClock s_atT = new(DateTimeOffset.FromUnixTimeSeconds(T));
    private static readonly string s_event = EventSamples.Event("payment_intent.succeeded", EventSamples.PaymentIntent);

    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test_5f0c8a1e2b3d4c6e7f8091a2b3c4d5e6
    private const string OpensslPayload = """{"a":1}""";
    private const string OpensslSignature = "e3f10a810be6e5638a71378382ce691fac388a0d4e1176a07e1fcc35e08f5fef";

    [Fact]
    public void A_signature_computed_with_HMACSHA256_over_t_dot_body_is_accepted()
    {
        var evt = WooshPayWebhook.ConstructEvent(s_event, EventSamples.Header(T, s_event), EventSamples.Secret, timeProvider: s_atT);

        Assert.Equal("evt_3000000000000000001", evt.Id);
        Assert.Equal(EventType.PaymentIntentSucceeded, evt.Type);
    }

    [Fact]
    public void The_openssl_vector_verifies_and_ComputeSignatureHeader_reproduces_it()
    {
        WooshPayWebhook.VerifySignature(Encoding.UTF8.GetBytes(OpensslPayload), $"t={T},v1={OpensslSignature}", EventSamples.Secret, timeProvider: s_atT);

        Assert.Equal($"t={T},v1={OpensslSignature}", WooshPayWebhook.ComputeSignatureHeader(OpensslPayload, EventSamples.Secret, DateTimeOffset.FromUnixTimeSeconds(T)));
    }

    [Fact]
    public void The_raw_bytes_are_what_is_signed_through_the_byte_overloads()
    {
        // Non-ASCII text and insignificant whitespace: the bytes as received, not a re-serialisation, are signed.
        var body = s_event.Replace("\"livemode\":false", "\"livemode\" :  false, \"note\": \"결제 ✓\"");
        var bytes = Encoding.UTF8.GetBytes(body);
        var header = EventSamples.Header(T, body);

        Assert.Equal("evt_3000000000000000001", WooshPayWebhook.ConstructEvent(bytes, header, EventSamples.Secret, timeProvider: s_atT).Id);
        Assert.Equal("evt_3000000000000000001", WooshPayWebhook.ConstructEvent(new ReadOnlySpan<byte>(bytes), header, EventSamples.Secret, timeProvider: s_atT).Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_header_is_rejected(string? header)
        => AssertFails(WebhookSignatureFailure.HeaderMissing, s_event, header);

    [Theory]
    [InlineData("garbage")]
    [InlineData("v1=00")]
    [InlineData("t=,v1=00")]
    [InlineData("t=17e8,v1=00")]
    [InlineData("t=-1700000000,v1=00")]
    [InlineData("t=99999999999999999999999,v1=00")]
    [InlineData("t=1700000000,,v1=00")]
    public void A_malformed_header_is_rejected(string header)
        => AssertFails(WebhookSignatureFailure.HeaderMalformed, s_event, header);

    [Theory]
    [InlineData("t=1700000000")]
    [InlineData("t=1700000000,v0=abc")]
    [InlineData("t=1700000000,V1=abc")]
    public void A_header_without_v1_is_rejected(string header)
        => AssertFails(WebhookSignatureFailure.NoV1Signature, s_event, header);

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void A_timestamp_more_than_300_s_from_now_is_rejected(long offset)
        => AssertFails(WebhookSignatureFailure.TimestampOutsideTolerance, s_event, EventSamples.Header(T + offset, s_event));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void A_timestamp_at_the_edge_of_the_default_tolerance_is_accepted(long offset)
        => WooshPayWebhook.ConstructEvent(s_event, EventSamples.Header(T + offset, s_event), EventSamples.Secret, timeProvider: s_atT);

    [Fact]
    public void The_tolerance_is_the_callers_and_is_compared_with_the_clock_not_with_created()
    {
        // created is 1700000000000 ms (= T); the header is 30 s old: inside 60 s, outside 10 s.
        var header = EventSamples.Header(T - 30, s_event);
        WooshPayWebhook.ConstructEvent(s_event, header, EventSamples.Secret, TimeSpan.FromSeconds(60), s_atT);
        AssertFails(WebhookSignatureFailure.TimestampOutsideTolerance, s_event, header, tolerance: TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_changed_body_is_rejected()
        => AssertFails(WebhookSignatureFailure.NoSignatureMatches, s_event.Replace("\"livemode\":false", "\"livemode\":true"), EventSamples.Header(T, s_event));

    [Fact]
    public void A_signature_under_another_secret_is_rejected()
        => AssertFails(WebhookSignatureFailure.NoSignatureMatches, s_event, EventSamples.Header(T, s_event, "whsec_another"));

    [Fact]
    public void A_signature_for_another_timestamp_is_rejected()
        => AssertFails(WebhookSignatureFailure.NoSignatureMatches, s_event, $"t={T},v1={EventSamples.Sign(T - 1, s_event)}");

    [Theory]
    [InlineData("abc")]
    [InlineData("zz")]
    public void A_v1_that_is_not_64_hex_digits_does_not_match(string v1)
        => AssertFails(WebhookSignatureFailure.NoSignatureMatches, s_event, $"t={T},v1={v1}");

    [Fact]
    public void Any_of_several_v1_may_match_and_other_elements_are_ignored()
    {
        // During a secret rotation WooshPay signs with the old and the new secret.
        var header = $"t={T},v0=deadbeef,v1={EventSamples.Sign(T, s_event, "whsec_old")},scheme=x,v1={EventSamples.Sign(T, s_event)}";
        Assert.Equal("evt_3000000000000000001", WooshPayWebhook.ConstructEvent(s_event, header, EventSamples.Secret, timeProvider: s_atT).Id);
    }

    [Fact]
    public void Upper_case_hex_is_the_same_signature()
        => WooshPayWebhook.ConstructEvent(s_event, $"t={T},v1={EventSamples.Sign(T, s_event).ToUpperInvariant()}", EventSamples.Secret, timeProvider: s_atT);

    [Fact]
    public void A_signed_payload_that_is_not_an_event_says_so_with_a_pointer()
    {
        var e = AssertFails(WebhookSignatureFailure.PayloadNotAnEvent, OpensslPayload, $"t={T},v1={OpensslSignature}");
        Assert.Contains("(root)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_secret_and_the_signatures_never_appear_in_an_exception()
    {
        var good = EventSamples.Sign(T, s_event);
        var headers = new[] { null, "garbage", $"t={T}", EventSamples.Header(T - 999, s_event), $"t={T},v1={EventSamples.Sign(T, s_event, "whsec_other")}" };
        foreach (var header in headers)
        {
            var e = Assert.Throws<WebhookSignatureException>(() => WooshPayWebhook.ConstructEvent(s_event + " ", header, EventSamples.Secret, timeProvider: s_atT));
            var text = e.ToString();
            Assert.DoesNotContain(EventSamples.Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("5f0c8a1e", text, StringComparison.Ordinal);
            Assert.DoesNotContain(good, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("evt_3000000000000000001", text, StringComparison.Ordinal);
        }
    }

    private static WebhookSignatureException AssertFails(WebhookSignatureFailure reason, string payload, string? header, TimeSpan? tolerance = null)
    {
        var e = Assert.Throws<WebhookSignatureException>(() => WooshPayWebhook.ConstructEvent(payload, header, EventSamples.Secret, tolerance, s_atT));
        Assert.Equal(reason, e.Reason);
        return e;
    }
}
