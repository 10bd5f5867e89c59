using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>Webhook verification is emitted where a schema defines the event it returns, and only there.</summary>
public sealed class WebhookEmissionTests
{
    private const string HintName = "Runtime.WooshPayWebhook.g.cs";

    [Fact]
    public void The_contract_schemas_get_webhook_verification()
    {
        Assert.Contains(ContractSchemas.Output.Sources, s => s.HintName == HintName);
    }

    [Fact]
    public void Schemas_without_the_event_get_none()
    {
        var schema = """{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Thing", "type": "object", "properties": {"id": {"type": "string"}}}""";
        var output = GeneratorHarness.Run([new SchemaInput("/project/thing.schema.json", schema)]);

        Assert.Empty(output.CompilationDiagnostics);
        Assert.DoesNotContain(output.Sources, s => s.HintName == HintName);
    }

    [Fact]
    public void With_internal_types_and_another_namespace_the_verification_compiles_beside_the_event()
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.WooshPayContractsAccessibility"] = "internal",
            ["build_property.WooshPayContractsNamespace"] = "Acme.Payments",
        };
        var output = GeneratorHarness.Run(ContractSchemas.Inputs(), options);
        var source = output.Sources.Single(s => s.HintName == HintName).SourceText.ToString();

        Assert.Empty(output.CompilationDiagnostics);
        Assert.Contains("namespace Acme.Payments;", source);
        Assert.Contains("internal static class WooshPayWebhook", source);
        Assert.DoesNotContain("WooshPay.Contracts.", source.Replace("WooshPay.Contracts.Generator", string.Empty));
    }
}
