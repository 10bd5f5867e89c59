using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WooshPay.Contracts.Generator;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.OpenApi;

/// <summary>Stripe's whole OpenAPI description through the generator, generated and compiled once for the class.</summary>
public sealed class StripeFixture
{
    public const string DocumentPath = "/project/stripe.openapi.json";

    public StripeFixture()
    {
        // Re-serialized once so that an edited copy differs from it in the edited component only.
        Text = JsonNode.Parse(StripeDocument.Text)!.ToJsonString();
        Output = GeneratorHarness.Run(new[] { new SchemaInput(DocumentPath, Text) });
        Assembly = GeneratorHarness.Load(Output.Compilation);
    }

    public string Text { get; }

    public GeneratorOutput Output { get; }

    public System.Reflection.Assembly Assembly { get; }
}

public sealed class StripeScaleTests(StripeFixture stripe) : IClassFixture<StripeFixture>
{
    [Fact]
    public void Stripe_generates_with_no_error_and_only_unknown_format_warnings()
    {
        Assert.Empty(stripe.Output.GeneratorDiagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error));
        // Stripe's own formats "unix-time" and "decimal" are the only warnings: kept as annotations (WPC008).
        var warnings = stripe.Output.GeneratorDiagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Warning).ToList();
        Assert.All(warnings, d => Assert.Equal("WPC008", d.Id));
        Assert.Equal(new[] { "Format 'decimal'", "Format 'unix-time'" },
            warnings.Select(d => d.GetMessage().Split(" is ")[0]).Distinct().OrderBy(m => m, StringComparer.Ordinal));
        // The rest is information: object alternatives that no const tells apart stay JsonElement values (WPC040), and
        // components that one forward pass cannot check are validated by the interpreter (WPC050).
        Assert.All(stripe.Output.GeneratorDiagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Info),
            d => Assert.Contains(d.Id, new[] { "WPC040", "WPC050" }));
    }

    [Fact]
    public void Stripe_payment_intent_validator_says_where_the_canonical_WooshPay_payment_intent_departs_from_Stripe()
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"));

        var validator = new GeneratedValidator(stripe.Assembly, "PaymentIntentSchema");
        var (_, errors, _) = validator.Validate(json);

        SnapshotAssert.Match(
            $"Stripe payment_intent on samples/payloads/canonical/payment_intent.create.web.response.json: {errors.Count} error(s)\n"
                + string.Join("\n", errors.Select(e => e.ToString())),
            "stripe.payment_intent.canonical-wooshpay");

        // The validator is not vacuous: a status Stripe does not know and a string amount are caught where they are.
        var broken = JsonNode.Parse(json)!;
        broken["status"] = "paid";
        broken["amount"] = "20";
        Assert.Equal(new[] { "/amount", "/status" },
            validator.Validate(broken.ToJsonString()).Errors.Select(e => e.InstanceLocation).Distinct().OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Stripe_references_in_one_branch_anyOf_wrappers_are_typed_and_its_expandable_fields_are_expandable()
    {
        Type Model(string name) => stripe.Assembly.GetType("WooshPay.Contracts." + name)!;
        var expandable = stripe.Assembly.GetType("WooshPay.Contracts.Runtime.Expandable`1")!;

        // "next_action": {"anyOf": [{"$ref": ...}], "nullable": true} is the referenced class.
        Assert.Equal(Model("PaymentIntentNextAction"), Model("PaymentIntent").GetProperty("NextAction")!.PropertyType);
        Assert.Equal(Model("ApiErrors"), Model("PaymentIntent").GetProperty("LastPaymentError")!.PropertyType);
        // "charge": {"anyOf": [{"type": "string"}, {"$ref": charge}], "nullable": true} is an id or the expanded charge.
        Assert.Equal(typeof(Nullable<>).MakeGenericType(expandable.MakeGenericType(Model("Charge"))), Model("Refund").GetProperty("Charge")!.PropertyType);

        foreach (var json in new[]
        {
            """{"id":"re_1","object":"refund","amount":100,"created":1686214342,"currency":"usd","charge":"ch_1","payment_intent":null}""",
            """{"id":"re_1","object":"refund","amount":100,"created":1686214342,"currency":"usd","payment_intent":{"id":"pi_1","object":"payment_intent","amount":100,"capture_method":"automatic","confirmation_method":"automatic","created":1686214342,"currency":"usd","livemode":false,"payment_method_types":["card"],"status":"succeeded","next_action":null}}""",
        })
        {
            var read = Model("Refund").GetMethod("Parse", [typeof(string)])!.Invoke(null, [json])!;
            var written = (string)read.GetType().GetMethod("ToJson")!.Invoke(read, [false])!;
            Assert.True(System.Text.Json.JsonElement.DeepEquals(System.Text.Json.JsonDocument.Parse(json).RootElement, System.Text.Json.JsonDocument.Parse(written).RootElement), written);
        }
    }

    [Fact]
    public void Every_Stripe_operation_has_an_entry_that_validates_its_responses_by_status()
    {
        var api = stripe.Assembly.GetType("WooshPay.Contracts.StripeApi")!;
        var document = JsonNode.Parse(stripe.Text)!["paths"]!.AsObject();
        Assert.Equal(document.Sum(path => path.Value!.AsObject().Count(m => m.Key is "get" or "post" or "delete")), api.GetNestedTypes().Length);

        var retrieve = api.GetNestedType("GetPaymentIntentsIntent")!;
        Assert.Equal("/v1/payment_intents/{intent}", retrieve.GetField("Path")!.GetValue(null));
        var parameters = ((System.Collections.IEnumerable)retrieve.GetProperty("Parameters")!.GetValue(null)!).Cast<object>().Select(p => p.ToString()).ToList();
        Assert.Contains("(intent, path, True)", parameters);
        Assert.Contains("(expand, query, False)", parameters);
        Assert.Equal("PaymentIntent", ((Type)retrieve.GetMethod("ResponseType")!.Invoke(null, new object[] { 200 })!).Name);
        // Stripe's request bodies are form-encoded: the entry knows the media type, and there is no JSON validator.
        var create = api.GetNestedType("PostPaymentIntents")!;
        Assert.Equal("application/x-www-form-urlencoded", create.GetField("RequestMediaType")!.GetValue(null));
        Assert.Null(create.GetMethod("ValidateRequest", new[] { typeof(string), stripe.Assembly.GetType("WooshPay.Contracts.Runtime.ValidationOptions")! }));

        // Responses: the payment intent schema for 200, Stripe's error object for any other status (default).
        var validateResponse = retrieve.GetMethod("ValidateResponse", new[] { typeof(int), typeof(string), stripe.Assembly.GetType("WooshPay.Contracts.Runtime.ValidationOptions")! })!;
        var intent = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"));
        bool IsValid(int status, string json)
            => (bool)validateResponse.ReturnType.GetProperty("IsValid")!.GetValue(validateResponse.Invoke(null, new object?[] { status, json, null }))!;
        Assert.Equal(new GeneratedValidator(stripe.Assembly, "PaymentIntentSchema").Validate(intent).IsValid, IsValid(200, intent));
        Assert.True(IsValid(404, """{ "error": { "type": "invalid_request_error", "message": "No such payment_intent" } }"""));
        Assert.False(IsValid(404, """{ "error": { "type": 1 } }"""));
    }

    [Fact]
    public void Editing_one_Stripe_component_regenerates_only_what_depends_on_it()
    {
        var edited = JsonNode.Parse(stripe.Text)!;
        var refund = edited["components"]!["schemas"]!["refund"]!;
        refund["description"] = refund["description"]!.GetValue<string>() + " (edited)";

        var second = GeneratorHarness.Run(new[] { new SchemaInput(StripeFixture.DocumentPath, edited.ToJsonString()) },
            previous: stripe.Output.Driver, compilation: GeneratorHarness.CreateCompilation(string.Empty)).RunResult.Results.Single();

        Assert.Equal(new[] { "Refund" }, Rerun(second, TrackingNames.Models).Select(v => ((ModelTypeSpec)v).Name));
        Assert.Empty(Rerun(second, TrackingNames.Enums));
        Assert.Equal(new[] { "RefundSchema" }, Rerun(second, TrackingNames.SchemaClasses).Select(v => ((SchemaFileEmitSpec)v).ClassName));
        // The operations class names the same models and validators as before: its source is not re-emitted.
        Assert.Empty(Rerun(second, TrackingNames.Operations));
    }

    [Fact]
    public void A_first_run_on_the_Stripe_document_allocates_a_bounded_amount()
    {
        // An allocation guard, not a timing. A first run (read, link, emit; no compile) allocates about 250 MB, of which
        // the output itself, 41 M characters, is 82 MB: an emitter that rewrites its text (as StringBuilder.Insert into
        // a large builder did, 560 MB) fails here. The driver runs the generator on this thread.
        var compilation = GeneratorHarness.CreateCompilation(string.Empty);
        var driver = CSharpGeneratorDriver.Create(new ContractGenerator().AsSourceGenerator())
            .AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new GeneratorHarness.InMemoryAdditionalText(StripeFixture.DocumentPath, stripe.Text)));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = driver.RunGenerators(compilation).GetRunResult();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var output = result.Results.Single().GeneratedSources.Sum(s => (long)s.SourceText.Length) * sizeof(char);
        Assert.True(allocated > output, $"{allocated} bytes counted on this thread for {output} bytes of output: the run was not on this thread");
        Assert.True(allocated < 400_000_000, $"{allocated / 1_000_000} MB allocated for {output / 1_000_000} MB of output");
    }

    [Fact]
    public void An_unrelated_csharp_edit_regenerates_nothing_from_the_Stripe_document()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Unrelated { }");

        var second = stripe.Output.Driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.ParseOpenApi, TrackingNames.Link, TrackingNames.SchemaClasses, TrackingNames.Models, TrackingNames.Enums, TrackingNames.Operations })
        {
            Assert.Empty(Rerun(second, step));
        }
    }

    private static List<object> Rerun(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs)
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => o.Value)
            .ToList();
}
