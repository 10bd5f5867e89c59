using Microsoft.CodeAnalysis;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Evolution;

/// <summary>
/// The build-time check: schema files marked ContractBaseline="true" (what WooshPayContractsBaseline adds) are the previous
/// contract; each breaking change against them is WPC100 and each change to review WPC101, at the changed schema.
/// </summary>
public sealed class BaselineDiagnosticTests
{
    private static readonly Dictionary<string, string> s_baseline = new() { ["ContractBaseline"] = "true" };

    private static GeneratorOutput Build(string current, string baseline, CSharpCompilationOptionsEdit? edit = null)
    {
        var inputs = EvolutionFixtures.Inputs(current)
            .Concat(EvolutionFixtures.Inputs(baseline).Select(i => i with { Path = "/baseline/" + Path.GetFileName(i.Path), Metadata = s_baseline }));
        var compilation = GeneratorHarness.CreateCompilation(string.Empty);
        if (edit != null)
        {
            compilation = compilation.WithOptions(edit(compilation.Options));
        }

        return GeneratorHarness.Run(inputs, compilation: compilation);
    }

    public delegate Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions CSharpCompilationOptionsEdit(Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions options);

    [Fact]
    public void Breaking_changes_are_errors_at_the_changed_schema_in_the_new_file()
    {
        var output = Build("v3", "v2");
        var lines = output.GeneratorDiagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .Select(d => $"{Path.GetFileName(d.Location.GetLineSpan().Path)}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Descriptor.DefaultSeverity} {d.Id}: {d.GetMessage()}")
            .ToList();
        SnapshotAssert.Match(string.Join("\n", lines), "baseline.v2-v3.diagnostics");

        var returnUrl = Assert.Single(output.GeneratorDiagnostics, d => d.GetMessage().Contains("return_url"));
        Assert.Equal("WPC100", returnUrl.Id);
        Assert.Equal(DiagnosticSeverity.Error, returnUrl.Severity);
        Assert.EndsWith("v3/payment_intent.create.request.schema.json", returnUrl.Location.GetLineSpan().Path.Replace('\\', '/'));
        Assert.Equal(20, returnUrl.Location.GetLineSpan().StartLinePosition.Line); // the "return_url" schema, line 21
    }

    [Fact]
    public void Additions_only_give_warnings_for_readers_and_baseline_files_generate_nothing()
    {
        var output = Build("v2", "v1");
        Assert.All(output.GeneratorDiagnostics, d => Assert.Equal("WPC101", d.Id));
        Assert.Equal(2, output.GeneratorDiagnostics.Length); // the two enum values readers must handle
        Assert.Empty(output.CompilationDiagnostics); // the baseline's types are not generated a second time
        Assert.DoesNotContain(output.Sources, s => s.HintName.Contains("baseline", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_unchanged_contract_or_no_baseline_reports_nothing()
    {
        Assert.Empty(Build("v3", "v3").GeneratorDiagnostics);
        Assert.Empty(GeneratorHarness.Run(EvolutionFixtures.Inputs("v3")).GeneratorDiagnostics);
    }

    [Fact]
    public void The_severity_is_configurable_like_any_diagnostic()
    {
        // What `dotnet_diagnostic.WPC100.severity = warning` in .editorconfig does.
        var output = Build("v3", "v2", o => o.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["WPC100"] = ReportDiagnostic.Warn }));
        var breaking = output.GeneratorDiagnostics.Where(d => d.Id == "WPC100").ToList();
        Assert.NotEmpty(breaking);
        Assert.All(breaking, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void An_unreadable_baseline_file_is_reported_and_not_compared()
    {
        var inputs = EvolutionFixtures.Inputs("v3")
            .Append(new SchemaInput("/baseline/payment_intent.schema.json", "{ \"type\": \"object\",, }", s_baseline))
            .Concat(EvolutionFixtures.Inputs("v2").Where(i => !i.Path.EndsWith("/payment_intent.schema.json", StringComparison.Ordinal))
                .Select(i => i with { Path = "/baseline/" + Path.GetFileName(i.Path), Metadata = s_baseline }));
        var output = GeneratorHarness.Run(inputs);
        var unreadable = Assert.Single(output.GeneratorDiagnostics, d => d.Id == "WPC102");
        Assert.Equal("/baseline/payment_intent.schema.json", unreadable.Location.GetLineSpan().Path);
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.GetMessage().Contains("confirmation_method"));
        Assert.Contains(output.GeneratorDiagnostics, d => d.Id == "WPC100" && d.GetMessage().Contains("return_url"));
    }

    [Fact]
    public void A_baseline_folder_without_schemas_is_a_warning()
    {
        var output = GeneratorHarness.Run(EvolutionFixtures.Inputs("v3"), new Dictionary<string, string> { ["WooshPayContractsBaseline"] = "contract-baseline" });
        var empty = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC103", empty.Id);
        Assert.Contains("'contract-baseline'", empty.GetMessage());
    }
}
