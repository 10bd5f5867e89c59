using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace WooshPay.Contracts.Benchmarks;

/// <summary>
/// Reading a response into a typed object, every contestant on the same UTF-8 bytes: the generated model's Parse,
/// System.Text.Json's source generator on equivalent hand-written DTOs (<see cref="ParseDtoContext"/>), Stripe.net 53.1.0's
/// <c>PaymentIntent</c> read with Stripe.net's own System.Text.Json options (<c>StripeConfiguration.SerializerOptions</c>, which
/// carry its Stripe.Infrastructure converters), and JsonDocument.Parse alone, a lower bound that builds no object.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ParseBenchmarks
{
    private byte[] _paymentIntent = Array.Empty<byte>();
    private byte[] _checkoutSession = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _paymentIntent = Inputs.Payload("canonical/payment_intent.create.web.response.json");
        _checkoutSession = Inputs.Payload("canonical/checkout.session.create.response.json");

        // Every contestant must read the same values, and the model must write back what it read, or the measurement is of the wrong thing.
        var intent = PaymentIntentGenerated();
        RoundTrips(_paymentIntent, intent.ToUtf8Json());
        RoundTrips(_checkoutSession, CheckoutSessionGenerated().ToUtf8Json());
        var dto = PaymentIntentStjSourceGenerated();
        var stripe = PaymentIntentStripeNet();
        if (dto.Amount != intent.Amount || stripe.Amount != intent.Amount || stripe.Id != intent.Id
            || dto.NextAction?.AlipayHandleRedirect?.Url != intent.NextAction?.AlipayHandleRedirect?.Url
            || CheckoutSessionStjSourceGenerated().LineItems?.Data[0].Price.UnitAmount != CheckoutSessionGenerated().LineItems?.Data[0].Price.UnitAmount)
        {
            throw new InvalidOperationException("The contestants do not read the same values.");
        }
    }

    [BenchmarkCategory("PaymentIntent"), Benchmark(Baseline = true)]
    public PaymentIntent PaymentIntentGenerated() => PaymentIntent.Parse(_paymentIntent);

    [BenchmarkCategory("PaymentIntent"), Benchmark]
    public PaymentIntentDto PaymentIntentStjSourceGenerated() => JsonSerializer.Deserialize(_paymentIntent, ParseDtoContext.Default.PaymentIntentDto)!;

    [BenchmarkCategory("PaymentIntent"), Benchmark]
    public Stripe.PaymentIntent PaymentIntentStripeNet() => JsonSerializer.Deserialize<Stripe.PaymentIntent>(_paymentIntent, Stripe.StripeConfiguration.SerializerOptions)!;

    [BenchmarkCategory("PaymentIntent"), Benchmark]
    public JsonValueKind PaymentIntentJsonDocument() => DocumentKind(_paymentIntent);

    [BenchmarkCategory("CheckoutSession"), Benchmark(Baseline = true)]
    public CheckoutSession CheckoutSessionGenerated() => CheckoutSession.Parse(_checkoutSession);

    [BenchmarkCategory("CheckoutSession"), Benchmark]
    public CheckoutSessionDto CheckoutSessionStjSourceGenerated() => JsonSerializer.Deserialize(_checkoutSession, ParseDtoContext.Default.CheckoutSessionDto)!;

    [BenchmarkCategory("CheckoutSession"), Benchmark]
    public JsonValueKind CheckoutSessionJsonDocument() => DocumentKind(_checkoutSession);

    private static JsonValueKind DocumentKind(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        return document.RootElement.ValueKind;
    }

    private static void RoundTrips(byte[] input, byte[] written)
    {
        using var original = JsonDocument.Parse(input);
        using var back = JsonDocument.Parse(written);
        if (!JsonElement.DeepEquals(original.RootElement, back.RootElement))
        {
            throw new InvalidOperationException("Parse(...).ToUtf8Json() does not round-trip the payload.");
        }
    }
}
