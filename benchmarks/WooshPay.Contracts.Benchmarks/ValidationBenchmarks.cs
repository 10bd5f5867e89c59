using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using WooshPay.Contracts.Runtime;
using NJ = NJsonSchema;

namespace WooshPay.Contracts.Benchmarks;

/// <summary>A payload and the schema it is validated against: every canonical sample, the published invalid one, a large one.</summary>
public enum Case
{
    /// <summary>canonical/payment_intent.create.web.request.json against PaymentIntentCreateRequest.</summary>
    PaymentIntentWebRequest,

    /// <summary>canonical/payment_intent.create.app.request.json against PaymentIntentCreateRequest.</summary>
    PaymentIntentAppRequest,

    /// <summary>canonical/payment_intent.create.web.response.json against PaymentIntent (929 B).</summary>
    PaymentIntentValid,

    /// <summary>canonical/payment_intent.create.app.response.json against PaymentIntent.</summary>
    PaymentIntentAppResponse,

    /// <summary>canonical/checkout.session.create.request.json against CheckoutSessionCreateRequest.</summary>
    CheckoutSessionRequest,

    /// <summary>canonical/checkout.session.create.response.json against CheckoutSession.</summary>
    CheckoutSessionResponse,

    /// <summary>canonical/refund.create.request.json against RefundCreateRequest.</summary>
    RefundRequest,

    /// <summary>canonical/refund.create.response.json against Refund.</summary>
    RefundResponse,

    /// <summary>canonical/webhook_endpoint.create.request.json against WebhookEndpointCreateRequest.</summary>
    WebhookEndpointRequest,

    /// <summary>canonical/webhook_endpoint.create.response.json against WebhookEndpoint.</summary>
    WebhookEndpointResponse,

    /// <summary>documented/payment_intent.create.web.response.json, as published, against PaymentIntent (invalid: every error collected).</summary>
    PaymentIntentPublishedInvalid,

    /// <summary>The canonical checkout session with its one line item repeated to 100 (distinct ids), against CheckoutSession (valid, about 120 KB).</summary>
    CheckoutSession100Items,
}

/// <summary>What a case reads and which generated validator checks it.</summary>
internal sealed record CaseInput(string Payload, string SchemaFile, string Title, bool ExpectValid, Func<byte[], ValidationOptions, ValidationResult> Validate)
{
    public static CaseInput For(Case @case) => @case switch
    {
        Case.PaymentIntentWebRequest => Canonical("payment_intent.create.web.request.json", "payment_intent.create.request.schema.json", "PaymentIntentCreateRequest", (b, o) => PaymentIntentCreateRequestSchema.Validate(b, o)),
        Case.PaymentIntentAppRequest => Canonical("payment_intent.create.app.request.json", "payment_intent.create.request.schema.json", "PaymentIntentCreateRequest", (b, o) => PaymentIntentCreateRequestSchema.Validate(b, o)),
        Case.PaymentIntentValid => Canonical("payment_intent.create.web.response.json", "payment_intent.schema.json", "PaymentIntent", (b, o) => PaymentIntentSchema.Validate(b, o)),
        Case.PaymentIntentAppResponse => Canonical("payment_intent.create.app.response.json", "payment_intent.schema.json", "PaymentIntent", (b, o) => PaymentIntentSchema.Validate(b, o)),
        Case.CheckoutSessionRequest => Canonical("checkout.session.create.request.json", "checkout.session.create.request.schema.json", "CheckoutSessionCreateRequest", (b, o) => CheckoutSessionCreateRequestSchema.Validate(b, o)),
        Case.CheckoutSessionResponse or Case.CheckoutSession100Items => Canonical("checkout.session.create.response.json", "checkout.session.schema.json", "CheckoutSession", (b, o) => CheckoutSessionSchema.Validate(b, o)),
        Case.RefundRequest => Canonical("refund.create.request.json", "refund.create.request.schema.json", "RefundCreateRequest", (b, o) => RefundCreateRequestSchema.Validate(b, o)),
        Case.RefundResponse => Canonical("refund.create.response.json", "refund.schema.json", "Refund", (b, o) => RefundSchema.Validate(b, o)),
        Case.WebhookEndpointRequest => Canonical("webhook_endpoint.create.request.json", "webhook_endpoint.create.request.schema.json", "WebhookEndpointCreateRequest", (b, o) => WebhookEndpointCreateRequestSchema.Validate(b, o)),
        Case.WebhookEndpointResponse => Canonical("webhook_endpoint.create.response.json", "webhook_endpoint.schema.json", "WebhookEndpoint", (b, o) => WebhookEndpointSchema.Validate(b, o)),
        Case.PaymentIntentPublishedInvalid => new("documented/payment_intent.create.web.response.json", "payment_intent.schema.json", "PaymentIntent", false, (b, o) => PaymentIntentSchema.Validate(b, o)),
        _ => throw new ArgumentOutOfRangeException(nameof(@case)),
    };

    private static CaseInput Canonical(string canonical, string schemaFile, string title, Func<byte[], ValidationOptions, ValidationResult> validate)
        => new("canonical/" + canonical, schemaFile, title, true, validate);
}

/// <summary>
/// One payload validated by each contestant. Every contestant starts from the same UTF-8 bytes and
/// parses them itself inside the measured method:
/// the generated validator reads the bytes (Validate(ReadOnlySpan&lt;byte&gt;));
/// NJsonSchema gets them decoded to a string and parses it with Newtonsoft.Json (Validate(string));
/// JsonSchema.Net gets a JsonDocument parsed from them (disposed after Evaluate).
/// The schemas are loaded once, in GlobalSetup. "format" is asserted by all of them.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private static readonly ValidationOptions s_collectAll = new() { AssertFormats = true, StopAtFirstError = false };
    private static readonly ValidationOptions s_stopAtFirst = new() { AssertFormats = true, StopAtFirstError = true };

    // List: a flat list of every failing output unit with its locations, the closest to our collect-all Errors.
    private static readonly Json.Schema.EvaluationOptions s_list = new()
    {
        RequireFormatValidation = true,
        OutputFormat = Json.Schema.OutputFormat.List,
    };

    // Flag: a bare verdict, the closest to our StopAtFirstError.
    private static readonly Json.Schema.EvaluationOptions s_flag = new()
    {
        RequireFormatValidation = true,
        OutputFormat = Json.Schema.OutputFormat.Flag,
    };

    private byte[] _utf8 = Array.Empty<byte>();
    private CaseInput _input = null!;
    private NJ.JsonSchema _njsonSchema = null!;
    private Json.Schema.JsonSchema _jsonSchemaNet = null!;

    [ParamsAllValues]
    public Case Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = CaseInput.For(Case);
        var (payload, schemaFile, title, expectValid) = (_input.Payload, _input.SchemaFile, _input.Title, _input.ExpectValid);
        if (Inputs.TitleOf(schemaFile) != title)
        {
            throw new InvalidOperationException($"{schemaFile} is titled '{Inputs.TitleOf(schemaFile)}', not '{title}'.");
        }

        _utf8 = Case == Case.CheckoutSession100Items ? Inputs.WithLineItems(Inputs.Payload(payload), 100) : Inputs.Payload(payload);
        _njsonSchema = Inputs.LoadNJsonSchema(schemaFile);
        _jsonSchemaNet = Inputs.LoadJsonSchemaNet(schemaFile);

        // Every contestant must give the expected verdict on this payload, or the comparison is void.
        var generated = Generated();
        var generatedFirst = GeneratedStopAtFirstError();
        var njson = NJsonSchema();
        var jsonNetList = JsonSchemaNet_List();
        var jsonNetFlag = JsonSchemaNet_Flag();
        var verdicts = new (string Name, bool IsValid, int Errors)[]
        {
            ("Generated", generated.IsValid, generated.Errors.Count),
            ("GeneratedStopAtFirstError", generatedFirst.IsValid, generatedFirst.Errors.Count),
            ("NJsonSchema", njson.Count == 0, njson.Count), // top-level errors; an anyOf/oneOf failure nests its branches' errors
            // List keeps the failed branches of a passing anyOf/oneOf too, so a valid payload can show errors here.
            ("JsonSchemaNet_List", jsonNetList.IsValid, jsonNetList.Details?.Sum(d => d.Errors?.Count ?? 0) ?? 0),
            ("JsonSchemaNet_Flag", jsonNetFlag.IsValid, 0),
        };
        Console.WriteLine($"// {Case}: {payload} against {schemaFile}, expected {(expectValid ? "valid" : "invalid")}: "
            + string.Join(", ", verdicts.Select(v => $"{v.Name}={(v.IsValid ? "valid" : "invalid")} ({v.Errors} errors)")));
        var wrong = verdicts.Where(v => v.IsValid != expectValid).Select(v => v.Name).ToList();
        if (wrong.Count > 0)
        {
            throw new InvalidOperationException($"{Case}: {string.Join(", ", wrong)} disagree with the expected verdict ({(expectValid ? "valid" : "invalid")}); "
                + $"generated errors: {generated}; NJsonSchema errors: {string.Join("; ", njson)}");
        }
    }

    /// <summary>The floor: one bare Utf8JsonReader pass over the bytes, every token read and nothing checked.</summary>
    [Benchmark]
    public int Floor()
    {
        var reader = new Utf8JsonReader(_utf8);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>JsonDocument.Parse alone (then disposed): what any validator over a parsed document pays first.</summary>
    [Benchmark]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_utf8);
        return (int)document.RootElement.ValueKind;
    }

    /// <summary>The generated validator, every error collected (the default).</summary>
    [Benchmark(Baseline = true)]
    public ValidationResult Generated() => _input.Validate(_utf8, s_collectAll);

    /// <summary>The generated validator, stopping at the first error.</summary>
    [Benchmark]
    public ValidationResult GeneratedStopAtFirstError() => _input.Validate(_utf8, s_stopAtFirst);

    /// <summary>NJsonSchema: the bytes decoded to a string, then Validate(string), which parses it with Newtonsoft.Json and collects every error.</summary>
    [Benchmark]
    public ICollection<NJ.Validation.ValidationError> NJsonSchema()
        => _njsonSchema.Validate(Encoding.UTF8.GetString(_utf8));

    /// <summary>JsonSchema.Net, OutputFormat.List: a JsonDocument parsed from the bytes, then Evaluate, every error collected.</summary>
    [Benchmark]
    public Json.Schema.EvaluationResults JsonSchemaNet_List()
    {
        using var document = JsonDocument.Parse(_utf8);
        return _jsonSchemaNet.Evaluate(document.RootElement, s_list);
    }

    /// <summary>JsonSchema.Net, OutputFormat.Flag: a JsonDocument parsed from the bytes, then Evaluate, verdict only.</summary>
    [Benchmark]
    public Json.Schema.EvaluationResults JsonSchemaNet_Flag()
    {
        using var document = JsonDocument.Parse(_utf8);
        return _jsonSchemaNet.Evaluate(document.RootElement, s_flag);
    }
}
