using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using WooshPay.Contracts.Runtime;
using NJ = NJsonSchema;

namespace WooshPay.Contracts.Benchmarks;

/// <summary>A payload and the schema it is validated against.</summary>
public enum Case
{
    /// <summary>canonical/payment_intent.create.web.response.json against PaymentIntent (valid, 929 B).</summary>
    PaymentIntentValid,

    /// <summary>documented/payment_intent.create.web.response.json, as published, against PaymentIntent (invalid: every error collected).</summary>
    PaymentIntentPublishedInvalid,

    /// <summary>The canonical checkout session with its one line item repeated to 100 (distinct ids), against CheckoutSession (valid).</summary>
    CheckoutSession100Items,

    /// <summary>canonical/payment_intent.create.web.request.json against PaymentIntentCreateRequest (valid).</summary>
    PaymentIntentRequestValid,

    /// <summary>canonical/checkout.session.create.response.json against CheckoutSession (valid).</summary>
    CheckoutSessionValid,

    /// <summary>documented/checkout.session.create.response.json against CheckoutSession (invalid: every error collected).</summary>
    CheckoutSessionInvalid,
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
    private NJ.JsonSchema _njsonSchema = null!;
    private Json.Schema.JsonSchema _jsonSchemaNet = null!;

    [Params(Case.PaymentIntentValid, Case.PaymentIntentPublishedInvalid, Case.CheckoutSession100Items)]
    public Case Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (payload, schemaFile, title, expectValid) = Case switch
        {
            Case.PaymentIntentValid => ("canonical/payment_intent.create.web.response.json", "payment_intent.schema.json", "PaymentIntent", true),
            Case.PaymentIntentPublishedInvalid => ("documented/payment_intent.create.web.response.json", "payment_intent.schema.json", "PaymentIntent", false),
            Case.CheckoutSession100Items => ("canonical/checkout.session.create.response.json", "checkout.session.schema.json", "CheckoutSession", true),
            Case.PaymentIntentRequestValid => ("canonical/payment_intent.create.web.request.json", "payment_intent.create.request.schema.json", "PaymentIntentCreateRequest", true),
            Case.CheckoutSessionValid => ("canonical/checkout.session.create.response.json", "checkout.session.schema.json", "CheckoutSession", true),
            Case.CheckoutSessionInvalid => ("documented/checkout.session.create.response.json", "checkout.session.schema.json", "CheckoutSession", false),
            _ => throw new ArgumentOutOfRangeException(nameof(Case)),
        };

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
    public ValidationResult Generated() => Case switch
    {
        Case.PaymentIntentRequestValid => PaymentIntentCreateRequestSchema.Validate(_utf8, s_collectAll),
        Case.PaymentIntentValid or Case.PaymentIntentPublishedInvalid => PaymentIntentSchema.Validate(_utf8, s_collectAll),
        _ => CheckoutSessionSchema.Validate(_utf8, s_collectAll),
    };

    /// <summary>The generated validator, stopping at the first error.</summary>
    [Benchmark]
    public ValidationResult GeneratedStopAtFirstError() => Case switch
    {
        Case.PaymentIntentRequestValid => PaymentIntentCreateRequestSchema.Validate(_utf8, s_stopAtFirst),
        Case.PaymentIntentValid or Case.PaymentIntentPublishedInvalid => PaymentIntentSchema.Validate(_utf8, s_stopAtFirst),
        _ => CheckoutSessionSchema.Validate(_utf8, s_stopAtFirst),
    };

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
