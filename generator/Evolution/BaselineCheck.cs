using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Evolution;

/// <summary>
/// The build-time side of the breaking-change analysis: compares the compilation's schema files with the
/// baseline (the previous published contract, AdditionalFiles marked ContractBaseline="true") and turns every
/// breaking change into WPC100 and every change to review into WPC101, at the changed schema in the new file.
/// </summary>
internal static class BaselineCheck
{
    public static EquatableArray<DiagnosticInfo> Run(ImmutableArray<SchemaFileSpec> current, ImmutableArray<SchemaFileSpec> baseline)
    {
        if (baseline.IsEmpty)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        try
        {
            // Baseline and current files live in different folders: they pair by file name.
            var changes = ContractDiff.Compare(baseline.Select(Document), current.Select(Document));
            return changes
                .Where(c => c.Rule.Severity != ChangeSeverity.Info)
                .Select(ToDiagnostic)
                .ToEquatableArray();
        }
        catch (Exception e)
        {
            return new[]
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, "comparing with the contract baseline failed: " + e.GetType().Name + ": " + e.Message),
            }.ToEquatableArray();
        }
    }

    private static ContractDocument Document(SchemaFileSpec spec) => new(Path.GetFileName(spec.FilePath), spec);

    private static DiagnosticInfo ToDiagnostic(ContractChange change)
    {
        var descriptor = change.Rule.Severity == ChangeSeverity.Breaking ? DiagnosticDescriptors.BreakingContractChange : DiagnosticDescriptors.ContractChangeToReview;
        var audience = ChangeReport.Audience(change.Rule.Audience);
        var where = change.Old is { } old ? $"{change.Document}#{old.Pointer} line {old.Line} in the baseline" : change.Document + " (new)";
        return DiagnosticInfo.Create(descriptor, change.New?.Location, change.Rule.Id, audience, change.Message, where);
    }
}
