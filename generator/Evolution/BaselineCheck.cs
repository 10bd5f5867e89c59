using System;
using System.Collections.Immutable;
using System.Globalization;
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
    /// <param name="baselineFolder">The WooshPayContractsBaseline property, to say so when it names a folder without schemas.</param>
    public static EquatableArray<DiagnosticInfo> Run(ImmutableArray<SchemaFileSpec> current, ImmutableArray<SchemaFileSpec> baseline, string? baselineFolder)
    {
        if (baseline.IsEmpty)
        {
            return string.IsNullOrWhiteSpace(baselineFolder)
                ? EquatableArray<DiagnosticInfo>.Empty
                : new[] { DiagnosticInfo.Create(DiagnosticDescriptors.EmptyContractBaseline, null, baselineFolder!.Trim()) }.ToEquatableArray();
        }

        try
        {
            // A baseline file the parser rejects would silently compare as "removed" or as garbage: say so instead.
            var unreadable = baseline
                .Select(file => (File: file, Error: file.Diagnostics.FirstOrDefault(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)))
                .Where(f => f.Error != null)
                .ToList();
            var comparable = baseline.Except(unreadable.Select(u => u.File)).ToList();
            var unreadableNames = unreadable.Select(u => Path.GetFileName(u.File.FilePath)).ToList();

            // Baseline and current files live in different folders: they pair by file name.
            var changes = ContractDiff.Compare(comparable.Select(Document), current.Select(Document).Where(d => !unreadableNames.Contains(d.Name)));
            return unreadable
                .Select(u => DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableContractBaseline, u.Error!.Location, u.Error.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture)))
                .Concat(changes.Where(c => c.Rule.Severity != ChangeSeverity.Info).Select(ToDiagnostic))
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
