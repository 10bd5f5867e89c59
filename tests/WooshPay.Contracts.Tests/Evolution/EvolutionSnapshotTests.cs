using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using PublicApiGenerator;
using WooshPay.Contracts.Generator.Evolution;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Evolution;

/// <summary>
/// The contract's history as reviewed artefacts: for every step v1 -> v2 -> v3 the diff report, and for every version the
/// public API of the models generated from it, so a contract change is reviewed as the API change it causes.
/// </summary>
public sealed class EvolutionSnapshotTests
{
    public static TheoryData<string, string> Steps => new() { { "v1", "v2" }, { "v2", "v3" } };

    public static TheoryData<string> Versions => new(EvolutionFixtures.Versions);

    [Theory]
    [MemberData(nameof(Steps))]
    public void Diff_report(string from, string to)
    {
        var changes = EvolutionFixtures.Diff(from, to);
        var report = ChangeReport.Format(changes, (isNew, document) => (isNew ? to : from) + "/" + document);
        SnapshotAssert.Match(report, $"evolution.{from}-{to}.diff");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Public_api_of_the_generated_models(string version)
    {
        var output = GeneratorHarness.Run(EvolutionFixtures.Inputs(version));
        Assert.Empty(output.GeneratorDiagnostics);
        SnapshotAssert.Match(PublicApi(output.Compilation), $"evolution.{version}.public-api");
    }

    [Fact]
    public void Each_step_makes_the_changes_it_is_meant_to_make()
    {
        // v2 only adds (a field, an enum value): nothing breaks. v3 requires, removes and tightens: senders and readers break.
        var v2 = EvolutionFixtures.Diff("v1", "v2");
        Assert.DoesNotContain(v2, c => c.Rule.Severity == ChangeSeverity.Breaking);
        Assert.Contains(v2, c => c.Rule == ChangeRules.ResponsePropertyEnumValueAdded && c.Subject == "status");
        var v3 = EvolutionFixtures.Diff("v2", "v3");
        Assert.Contains(v3, c => c.Rule == ChangeRules.RequestPropertyBecameRequired && c.Subject == "return_url");
        Assert.Contains(v3, c => c.Rule == ChangeRules.ResponseRequiredPropertyRemoved && c.Subject == "confirmation_method");
        Assert.Contains(v3, c => c.Rule.Id == "request-property-pattern-changed" && c.Subject == "customer");
    }

    /// <summary>PublicApiGenerator reads an assembly from disk: the in-memory compilation is written to a temporary file first.</summary>
    private static string PublicApi(Compilation compilation)
    {
        var folder = Directory.CreateTempSubdirectory("wpc-public-api-");
        try
        {
            var path = Path.Combine(folder.FullName, "ContractsUnderTest.dll");
            var result = compilation.Emit(path);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            var context = new AssemblyLoadContext("public-api", isCollectible: true);
            try
            {
                var assembly = context.LoadFromAssemblyPath(path);
                return assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
                    .Replace("\"" + typeof(global::WooshPay.Contracts.Generator.ContractGenerator).Assembly.GetName().Version!.ToString(3) + "\"", "\"FIXED_VERSION\"");
            }
            finally
            {
                context.Unload();
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
