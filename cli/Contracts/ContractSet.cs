using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Evolution;
using WooshPay.Contracts.Generator.Linking;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;
using WooshPay.Contracts.Runtime;

namespace WooshPay.Contracts.Tool.Contracts;

/// <summary>A schema file's text and the name that pairs it across versions (its path relative to the contract root).</summary>
internal sealed record SchemaSource(string Name, string Path, string Text);

/// <summary>
/// A set of schema files read, parsed and linked by the generator's own code: the same diagnostics, the same
/// resolved references, and validator node graphs built from the same specs the generator emits code from.
/// </summary>
internal sealed class ContractSet
{
    private const string BundledPrefix = "schemas/";
    private readonly Dictionary<string, SchemaNode[]> _graphs = new(StringComparer.Ordinal);

    private ContractSet(IReadOnlyList<SchemaSource> sources)
    {
        Files = sources.Select(Parse).ToImmutableArray();
        Linked = SchemaLinker.Link(Files);
        Errors = Files.SelectMany(f => f.Diagnostics).Concat(Linked.Diagnostics)
            .Where(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error)
            .Select(d => d.ToDiagnostic().ToString())
            .ToList();
        Documents = Files.Zip(sources, (spec, source) => new ContractDocument(source.Name, spec)).ToList();
    }

    public ImmutableArray<SchemaFileSpec> Files { get; }

    public LinkResult Linked { get; }

    /// <summary>The files as the diff engine sees them.</summary>
    public IReadOnlyList<ContractDocument> Documents { get; }

    /// <summary>Schema errors (as the build reports them: file(line,col): error WPCnnn: ...); a set with errors is unusable.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The WooshPay contract bundled into the tool.</summary>
    public static ContractSet Bundled()
    {
        var assembly = typeof(ContractSet).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(BundledPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                var name = n.Substring(BundledPrefix.Length);
                return new SchemaSource(name, "(bundled)/" + name, reader.ReadToEnd());
            })
            .ToList();
        return new ContractSet(sources);
    }

    /// <summary>The schema files of <paramref name="sources"/>.</summary>
    public static ContractSet From(IReadOnlyList<SchemaSource> sources) => new(sources);

    /// <summary>The parsed file whose root title (or file name) is <paramref name="name"/>, ignoring case.</summary>
    public SchemaFileSpec? FindByTitle(string name)
        => Files.FirstOrDefault(f => f.Nodes.Count > 0 && string.Equals(f.Nodes[0].Title, name, StringComparison.OrdinalIgnoreCase))
            ?? Files.FirstOrDefault(f => string.Equals(System.IO.Path.GetFileName(f.FilePath), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every root title, for "did you mean" and usage messages.</summary>
    public IEnumerable<string> Titles => Files.Where(f => f.Nodes.Count > 0 && f.Nodes[0].Title != null).Select(f => f.Nodes[0].Title!);

    /// <summary>The linked form of a file (references resolved), by the file's path.</summary>
    public SchemaFileEmitSpec LinkedFile(SchemaFileSpec file) => Linked.SchemaFiles.First(f => f.FilePath == file.FilePath);

    /// <summary>The root of the validator graph of <paramref name="file"/>.</summary>
    public SchemaNode RootNode(SchemaFileSpec file) => Graph(LinkedFile(file).ClassName)[0];

    /// <summary>Validates with the generated code's interpreter.</summary>
    public ValidationResult Validate(SchemaFileSpec file, string json) => SchemaValidator.Validate(RootNode(file), json, ValidationOptions.Default);

    private SchemaNode[] Graph(string className)
    {
        if (!_graphs.TryGetValue(className, out var graph))
        {
            var file = Linked.SchemaFiles.First(f => f.ClassName == className);
            graph = file.Nodes.Select(l => new SchemaNode(l.Node.ResourceUri, l.Node.ResourcePointer)).ToArray();
            _graphs[className] = graph; // registered before filling, so references between files (and cycles) find it
            foreach (var linked in file.Nodes)
            {
                NodeGraph.Fill(graph, linked, address => Graph(address.SchemaClassName)[address.NodeIndex]);
            }
        }

        return graph;
    }

    private static SchemaFileSpec Parse(SchemaSource source)
        => SchemaParser.Parse(source.Path, source.Text, FileUri(source.Path), new SchemaFileOptions(GenerateModels: true, TypeName: null));

    private static string FileUri(string path)
        => "file:///" + System.IO.Path.GetFullPath(path).Replace('\\', '/').TrimStart('/').Replace("%", "%25").Replace("#", "%23").Replace("?", "%3F");
}
