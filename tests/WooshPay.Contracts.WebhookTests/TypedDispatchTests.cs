using System.Text.Json;
using Xunit;

namespace WooshPay.Contracts.WebhookTests;

/// <summary>WooshPayEvent.Parse gives the event type and data.object as the model its own "object" names, or the raw JSON.</summary>
public sealed class TypedDispatchTests
{
    public static TheoryData<string, string, Type> KnownEventTypes() => new()
    {
        { "payment_intent.created", EventSamples.PaymentIntent, typeof(PaymentIntent) },
        { "payment_intent.requires_action", EventSamples.PaymentIntent, typeof(PaymentIntent) },
        { "payment_intent.succeeded", EventSamples.PaymentIntent, typeof(PaymentIntent) },
        { "payment_intent.payment_failed", EventSamples.PaymentIntent, typeof(PaymentIntent) },
        { "payment_intent.canceled", EventSamples.PaymentIntent, typeof(PaymentIntent) },
        { "payment_intent.amount_capturable_updated", EventSamples.PaymentIntent, typeof(PaymentIntent) },
        { "charge.refund.updated", EventSamples.Refund, typeof(Refund) },
        { "checkout.session.expired", EventSamples.CheckoutSession, typeof(CheckoutSession) },
        // Resources the contract has no schema for yet: the type is known, the data is kept whole as JSON.
        { "charge.captured", """{"id":"ch_3000000000000000001","object":"charge","amount":20,"captured":true}""", typeof(JsonElement) },
        { "charge.dispute.updated", """{"id":"dp_3000000000000000001","object":"dispute","amount":20,"status":"under_review"}""", typeof(JsonElement) },
        { "setup_intent.created", """{"id":"seti_3000000000000000001","object":"setup_intent","status":"requires_payment_method"}""", typeof(JsonElement) },
        { "setup_intent.succeeded", """{"id":"seti_3000000000000000001","object":"setup_intent","status":"succeeded"}""", typeof(JsonElement) },
        { "product.created", """{"id":"prod_3000000000000000001","object":"product","name":"T-shirt","active":true}""", typeof(JsonElement) },
    };

    [Theory]
    [MemberData(nameof(KnownEventTypes))]
    public void Each_known_event_type_is_known_and_its_data_is_typed(string type, string resource, Type expected)
    {
        var json = EventSamples.Event(type, resource);
        var evt = WooshPayEvent.Parse(json);

        Assert.True(evt.Type.IsKnown);
        Assert.Equal(type, evt.Type.Value);
        Assert.IsType(expected, evt.Data.Object);
        Assert.True(WooshPayEventSchema.Validate(JsonDocument.Parse(json).RootElement).IsValid);
        AssertSameJson(resource, evt.Data.Object switch
        {
            PaymentIntent intent => intent.ToJson(),
            Refund refund => refund.ToJson(),
            CheckoutSession session => session.ToJson(),
            JsonElement raw => raw.GetRawText(),
            var other => throw new Xunit.Sdk.XunitException("unexpected " + other.GetType()),
        });
    }

    [Fact]
    public void Every_type_of_the_contract_enum_has_a_case_above()
    {
        var covered = KnownEventTypes().Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        Assert.Equal(EventType.KnownValues.Select(v => v.Value).Order(StringComparer.Ordinal), covered);
    }

    [Fact]
    public void A_payment_intent_reads_as_its_model()
    {
        var evt = WooshPayEvent.Parse(EventSamples.Event("payment_intent.succeeded", EventSamples.PaymentIntent));

        Assert.True(evt.Data.Object is PaymentIntent intent && intent.Id.StartsWith("pi_", StringComparison.Ordinal) && intent.Amount > 0);
    }

    [Fact]
    public void An_unknown_event_type_and_resource_are_kept_whole_on_a_round_trip()
    {
        const string resource = """{"id":"tr_1","object":"transfer","amount":5,"nested":{"a":[1,2.50,"x"]}}""";
        var json = EventSamples.Event("transfer.created", resource);
        var evt = WooshPayEvent.Parse(json);

        Assert.False(evt.Type.IsKnown);
        Assert.Equal("transfer.created", evt.Type.Value);
        var raw = Assert.IsType<JsonElement>(evt.Data.Object);
        Assert.Equal(resource, raw.GetRawText());
        AssertSameJson(json, evt.ToJson());
    }

    [Fact]
    public void The_event_schema_checks_a_known_resource_against_its_own_schema()
    {
        // A refund without its amount is not let through by the catch-all branch for other resources.
        var json = EventSamples.Event("charge.refund.updated", """{"id":"re_1","object":"refund"}""");
        var result = WooshPayEventSchema.Validate(JsonDocument.Parse(json).RootElement);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/data/object");
    }

    [Fact]
    public void A_resource_without_an_object_member_is_kept_as_json()
    {
        var evt = WooshPayEvent.Parse(EventSamples.Event("payment_intent.created", """{"id":"pi_1"}"""));

        Assert.IsType<JsonElement>(evt.Data.Object);
    }

    [Fact]
    public void A_known_resource_that_breaks_its_model_is_reported_at_its_pointer()
    {
        var e = Assert.Throws<WooshPay.Contracts.Runtime.ContractJsonException>(
            () => WooshPayEvent.Parse(EventSamples.Event("charge.refund.updated", """{"id":"re_1","object":"refund","amount":"twenty"}""")));

        Assert.StartsWith("/data/object", e.Pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_a_value_of_another_type_into_the_union_is_an_argument_error()
    {
        var evt = WooshPayEvent.Parse(EventSamples.Event("product.created", """{"object":"product"}"""));
        evt.Data.Object = new Uri("https://example.com");

        Assert.Throws<ArgumentException>(() => evt.ToJson());
    }

    private static void AssertSameJson(string expected, string actual)
        => Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(actual).RootElement), actual);
}
