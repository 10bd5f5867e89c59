using System.Text.Json;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Tool.Contracts;
using WooshPay.Contracts.Tool.Docs;

namespace WooshPay.Contracts.Tool.Commands;

/// <summary>
/// <c>check-docs &lt;page&gt;...</c>: the drift report of documentation pages. Every JSON code block is parsed (a broken
/// one is a finding, with its line and column), matched to the schema it claims to follow, validated against the bundled
/// contract, and searched for keys the contract does not declare, with "did you mean" for near misses.
/// </summary>
internal static class CheckDocsCommand
{
    public const string Usage = "check-docs <page.json | page.html | page.md>... [--schema <title | schema-file>] [--format json]";

    public static int Run(string[] args) => CommandLine.Run(() =>
    {
        var line = CommandLine.Parse("check-docs", args, "--schema");
        if (line.Positional.Count == 0)
        {
            throw new InputException("check-docs: usage: wooshpay-contracts " + Usage);
        }

        ContractSet contract;
        SchemaFileSpec? forced = null;
        if (line.Option("--schema") is { } schema)
        {
            (contract, forced) = ValidateCommand.Resolve(schema);
        }
        else
        {
            contract = ContractSet.Bundled();
        }

        var check = new SampleCheck(contract);
        var pages = line.Positional.Select(path =>
        {
            if (!File.Exists(path))
            {
                throw new InputException($"check-docs: page '{path}' does not exist.");
            }

            var page = DocumentPage.Read(path, File.ReadAllText(path));
            var blocks = page.Blocks.Select(b => check.Check(b, forced)).ToList();
            return (Page: page, Blocks: blocks, Paths: InlinePathDrifts(page, blocks, contract));
        }).ToList();

        if (line.Json)
        {
            CommandLine.WriteJson(w => WriteJson(w, pages));
        }
        else
        {
            foreach (var (page, blocks, paths) in pages)
            {
                WriteText(page, blocks, paths);
            }
        }

        var findings = pages.Any(p => p.Paths.Count > 0 || p.Blocks.Any(b => b.SyntaxError != null || b.Drifts.Count > 0 || b.Schema is null));
        return findings ? Program.Findings : Program.Clean;
    });

    /// <summary>Inline property paths (<c>a.b.c</c>) checked against the schema of the sample that follows them.</summary>
    private static List<Drift> InlinePathDrifts(DocumentPage page, List<BlockReport> blocks, ContractSet contract)
    {
        var drifts = new List<Drift>();
        foreach (var inline in page.InlinePaths)
        {
            if (inline.NextBlockIndex == 0 || blocks[inline.NextBlockIndex - 1].Schema is not { } schema)
            {
                continue;
            }

            var node = schema.Nodes[0];
            var walked = new List<string>();
            foreach (var segment in inline.Path.Split('.'))
            {
                var properties = PropertiesOf(contract, schema, node);
                if (properties.Count == 0)
                {
                    break;
                }

                if (!properties.TryGetValue(segment, out var next))
                {
                    var suggestion = NearMiss.Suggest(segment, properties.Keys);
                    drifts.Add(new Drift("/" + string.Join("/", walked.Append(segment)), inline.Line, 1, "unknown-property",
                        $"`{inline.Path}`: '{segment}' is not a property of {schema.Nodes[0].Title}{(walked.Count > 0 ? " at " + string.Join(".", walked) : string.Empty)}",
                        suggestion is null ? null : string.Join(".", walked.Append(suggestion).Concat(inline.Path.Split('.').Skip(walked.Count + 1)))));
                    break;
                }

                walked.Add(segment);
                (schema, node) = next;
            }
        }

        return drifts;
    }

    /// <summary>The properties a node declares, following $ref (within the contract) to the schema that declares them.</summary>
    private static Dictionary<string, (SchemaFileSpec, SchemaNodeSpec)> PropertiesOf(ContractSet contract, SchemaFileSpec file, SchemaNodeSpec node)
    {
        for (var hops = 0; hops < 32 && node.Properties.IsEmpty; hops++)
        {
            var linkedFile = contract.LinkedFile(file);
            var target = linkedFile.Nodes[node.Index].Ref
                ?? node.AllOf.Concat(node.AnyOf).Concat(node.OneOf).Select(i => new SchemaNodeAddress(linkedFile.ClassName, i)).FirstOrDefault();
            if (target is null)
            {
                break;
            }

            file = contract.Files.First(f => contract.LinkedFile(f).ClassName == target.SchemaClassName);
            node = file.Nodes[target.NodeIndex];
        }

        return node.Properties.ToDictionary(p => p.Name, p => (file, file.Nodes[p.Node]), StringComparer.Ordinal);
    }

    private static void WriteText(DocumentPage page, List<BlockReport> blocks, List<Drift> paths)
    {
        var drifting = blocks.Count(b => b.SyntaxError != null || b.Drifts.Count > 0 || b.Schema is null);
        Console.WriteLine($"{page.Path}: {blocks.Count} JSON code block(s), {drifting} drifting from the contract (lines count in {page.LinesOf})");
        foreach (var report in blocks)
        {
            var block = report.Block;
            Console.WriteLine();
            var context = block.Headings.Count > 0 ? $" under \"{block.Headings[0]}\"" : string.Empty;
            var label = block.Label is null ? string.Empty : $" [{block.Label}]";
            var verdict = report.SyntaxError != null ? "INVALID JSON"
                : report.Schema is null ? "NO SCHEMA"
                : report.Drifts.Count == 0 ? "OK" : $"{report.Drifts.Count} finding(s)";
            Console.WriteLine($"block {block.Index}, line {block.Line}{context}{label}: {verdict}");
            Console.WriteLine($"  schema: {(report.Schema?.Nodes[0].Title ?? "(none)")} ({report.Reason})");
            foreach (var drift in report.SyntaxError is { } syntax ? new[] { syntax } : report.Drifts)
            {
                WriteDrift(drift);
            }
        }

        if (paths.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("property paths in the text:");
            foreach (var drift in paths)
            {
                WriteDrift(drift);
            }
        }

        Console.WriteLine();
    }

    private static void WriteDrift(Drift drift)
    {
        var pointer = drift.Pointer.Length == 0 ? "(root)" : drift.Pointer;
        Console.WriteLine($"  line {drift.Line}:{drift.Column} {pointer}: {drift.Message}{(drift.Suggestion is null ? string.Empty : $" (did you mean {drift.Suggestion}?)")}");
    }

    private static void WriteJson(Utf8JsonWriter w, List<(DocumentPage Page, List<BlockReport> Blocks, List<Drift> Paths)> pages)
    {
        w.WriteStartArray();
        foreach (var (page, blocks, paths) in pages)
        {
            w.WriteStartObject();
            w.WriteString("page", page.Path);
            w.WriteString("kind", page.Kind);
            w.WriteString("linesOf", page.LinesOf);
            w.WriteStartArray("blocks");
            foreach (var report in blocks)
            {
                w.WriteStartObject();
                w.WriteNumber("index", report.Block.Index);
                w.WriteNumber("line", report.Block.Line);
                w.WriteString("heading", report.Block.Headings.FirstOrDefault());
                w.WriteString("label", report.Block.Label);
                w.WriteString("schema", report.Schema?.Nodes[0].Title);
                w.WriteString("reason", report.Reason);
                w.WriteBoolean("validJson", report.SyntaxError is null);
                w.WriteStartArray("findings");
                foreach (var drift in report.SyntaxError is { } syntax ? new[] { syntax } : report.Drifts)
                {
                    WriteDrift(w, drift);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("propertyPaths");
            foreach (var drift in paths)
            {
                WriteDrift(w, drift);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDrift(Utf8JsonWriter w, Drift drift)
    {
        w.WriteStartObject();
        w.WriteString("pointer", drift.Pointer);
        w.WriteNumber("line", drift.Line);
        w.WriteNumber("column", drift.Column);
        w.WriteString("keyword", drift.Keyword);
        w.WriteString("message", drift.Message);
        w.WriteString("didYouMean", drift.Suggestion);
        w.WriteEndObject();
    }
}
