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
    }

    [Fact]
    public void An_unrelated_csharp_edit_regenerates_nothing_from_the_Stripe_document()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Unrelated { }");

        var second = stripe.Output.Driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.ParseOpenApi, TrackingNames.Link, TrackingNames.SchemaClasses, TrackingNames.Models, TrackingNames.Enums })
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
