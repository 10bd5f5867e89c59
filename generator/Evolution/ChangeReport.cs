using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace WooshPay.Contracts.Generator.Evolution;

/// <summary>The readable form of a list of changes, as <c>wooshpay-contracts diff</c> prints it and the evolution snapshots keep it.</summary>
internal static class ChangeReport
{
    /// <summary>Breaking first, then by file and line in the new version.</summary>
    public static IEnumerable<ContractChange> Ordered(IEnumerable<ContractChange> changes)
        => changes.OrderByDescending(c => c.Rule.Severity)
            .ThenBy(c => c.Document, System.StringComparer.Ordinal)
            .ThenBy(c => c.New?.Line ?? 0)
            .ThenBy(c => c.Rule.Id, System.StringComparer.Ordinal)
            .ThenBy(c => c.Subject, System.StringComparer.Ordinal);

    /// <summary>A summary line, then one entry per change; <paramref name="pathOf"/> names a document's file in a version.</summary>
    public static string Format(IReadOnlyList<ContractChange> changes, System.Func<bool, string, string> pathOf)
    {
        var text = new StringBuilder();
        int Count(ChangeSeverity s) => changes.Count(c => c.Rule.Severity == s);
        text.Append(changes.Count).Append(" change(s): ").Append(Count(ChangeSeverity.Breaking)).Append(" breaking, ")
            .Append(Count(ChangeSeverity.Warning)).Append(" warning, ").Append(Count(ChangeSeverity.Info)).Append(" info\n");
        foreach (var change in Ordered(changes))
        {
            text.Append('\n')
                .Append(Severity(change.Rule.Severity)).Append(' ').Append(change.Rule.Id).Append(" (").Append(Audience(change.Rule.Audience)).Append(")\n")
                .Append("  ").Append(change.Document).Append(": ").Append(change.Message).Append('\n')
                .Append("  old: ").Append(Place(change.Old, pathOf(false, change.Document))).Append('\n')
                .Append("  new: ").Append(Place(change.New, pathOf(true, change.Document))).Append('\n');
        }

        return text.ToString();
    }

    public static string Severity(ChangeSeverity severity) => severity switch
    {
        ChangeSeverity.Breaking => "BREAKING",
        ChangeSeverity.Warning => "WARNING",
        _ => "INFO",
    };

    public static string Audience(ChangeAudience audience) => audience == ChangeAudience.RequestSenders ? "request senders" : "response readers";

    private static string Place(ChangePlace? place, string path)
        => place is null ? "(absent)" : path + "#" + place.Pointer + " (line " + place.Line + ")";
}
