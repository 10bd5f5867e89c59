using System.Text.Json;
using WooshPay.Contracts.Generator.Evolution;
using WooshPay.Contracts.Tool.Contracts;

namespace WooshPay.Contracts.Tool.Commands;

/// <summary>
/// <c>diff &lt;old&gt; &lt;new&gt;</c>: every change between two contract versions, classified by the same rules
/// the build applies against a baseline (generator/Evolution). Exit 1 when a change breaks senders or readers.
/// </summary>
internal static class DiffCommand
{
    public const string Usage = "diff <old schema file | folder> <new schema file | folder> [--format json]";

    public static int Run(string[] args) => CommandLine.Run(() =>
    {
        var line = CommandLine.Parse("diff", args);
        if (line.Positional.Count != 2)
        {
            throw new InputException("diff: usage: wooshpay-contracts " + Usage);
        }

        var (oldPath, newPath) = (line.Positional[0], line.Positional[1]);
        if (File.Exists(oldPath) != File.Exists(newPath))
        {
            throw new InputException("diff: compare a file with a file, or a folder with a folder.");
        }

        var oldSet = Read(oldPath, newPath);
        var newSet = Read(newPath, newPath);
        var changes = ContractDiff.Compare(oldSet.Documents, newSet.Documents);
        if (line.Json)
        {
            CommandLine.WriteJson(w => WriteJson(w, changes, oldSet, newSet));
        }
        else
        {
            Console.Write(ChangeReport.Format(changes, (isNew, document) => PathOf(isNew ? newSet : oldSet, document)));
        }

        return changes.Any(c => c.Rule.Severity == ChangeSeverity.Breaking) ? Program.Findings : Program.Clean;
    });

    /// <summary>A folder by relative paths; a single file under the new file's name, so the two files pair.</summary>
    private static ContractSet Read(string path, string newPath)
    {
        var sources = CommandLine.ReadSchemas(path, "diff");
        if (File.Exists(path))
        {
            sources = sources.Select(s => s with { Name = Path.GetFileName(newPath) }).ToList();
        }

        return CommandLine.Usable(ContractSet.From(sources), "diff");
    }

    private static string PathOf(ContractSet set, string document)
        => set.Documents.FirstOrDefault(d => d.Name == document)?.Spec.FilePath ?? document;

    private static void WriteJson(Utf8JsonWriter w, IReadOnlyList<ContractChange> changes, ContractSet oldSet, ContractSet newSet)
    {
        w.WriteStartObject();
        w.WriteNumber("breaking", changes.Count(c => c.Rule.Severity == ChangeSeverity.Breaking));
        w.WriteNumber("warning", changes.Count(c => c.Rule.Severity == ChangeSeverity.Warning));
        w.WriteNumber("info", changes.Count(c => c.Rule.Severity == ChangeSeverity.Info));
        w.WriteStartArray("changes");
        foreach (var change in ChangeReport.Ordered(changes))
        {
            w.WriteStartObject();
            w.WriteString("id", change.Rule.Id);
            w.WriteString("severity", change.Rule.Severity.ToString().ToLowerInvariant());
            w.WriteString("audience", change.Rule.Audience == ChangeAudience.RequestSenders ? "request" : "response");
            w.WriteString("document", change.Document);
            w.WriteString("subject", change.Subject);
            w.WriteString("message", change.Message);
            WritePlace(w, "old", change.Old, oldSet, change.Document);
            WritePlace(w, "new", change.New, newSet, change.Document);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter w, string name, ChangePlace? place, ContractSet set, string document)
    {
        if (place is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("file", PathOf(set, document));
        w.WriteString("pointer", place.Pointer);
        w.WriteNumber("line", place.Line);
        w.WriteNumber("column", place.Column);
        w.WriteEndObject();
    }
}
