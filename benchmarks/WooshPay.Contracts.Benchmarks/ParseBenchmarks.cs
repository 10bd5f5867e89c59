using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace WooshPay.Contracts.Benchmarks;

/// <summary>
/// canonical/checkout.session.create.response.json (UTF-8 bytes) into the generated CheckoutSession model,
/// against System.Text.Json's JsonDocument.Parse of the same bytes alone: a lower bound (it builds no model).
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _utf8 = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Inputs.Payload("canonical/checkout.session.create.response.json");

        // The model must round-trip to a document equal to the input, or the measurement is of the wrong thing.
        var model = CheckoutSession.Parse(_utf8);
        using var original = JsonDocument.Parse(_utf8);
        using var written = JsonDocument.Parse(model.ToUtf8Json());
        if (!JsonElement.DeepEquals(original.RootElement, written.RootElement))
        {
            throw new InvalidOperationException("CheckoutSession.Parse(...).ToUtf8Json() does not round-trip the payload.");
        }
    }

    /// <summary>The generated model's parser.</summary>
    [Benchmark(Baseline = true)]
    public CheckoutSession GeneratedCheckoutSessionParse() => CheckoutSession.Parse(_utf8);

    /// <summary>System.Text.Json's JsonDocument.Parse alone (disposed), no model built.</summary>
    [Benchmark]
    public JsonValueKind JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_utf8);
        return document.RootElement.ValueKind;
    }
}
