using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Sees every schema file of the compilation at once: names each file's schema class, resolves $ref and $dynamicRef
/// across files, then hands the resolved, immutable graph (<see cref="LinkedGraph"/>) to the <see cref="ModelBuilder"/>
/// for types. It reads parse-time specs (with positions, for its diagnostics) and produces emit specs (without).
/// </summary>
internal sealed partial class SchemaLinker
{
    private ImmutableArray<NamedFile> _files;
    private readonly Dictionary<string, SchemaNodeAddress> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Resource, string Anchor), SchemaNodeAddress> _anchors = new();
    private readonly Dictionary<string, List<DynamicAnchorCandidate>> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _pointers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamedFile> _byClass = new(StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private SchemaLinker(ImmutableArray<NamedFile> files) => _files = files;

    public static LinkResult Link(ImmutableArray<SchemaFileSpec> files)
    {
        // Paths order the files so output does not depend on the order MSBuild lists them in.
        var ordered = Vocabularies.WithMetaSchemas(files).OrderBy(f => f.FilePath, StringComparer.Ordinal);
        return new SchemaLinker(ordered.Select(f => new NamedFile(string.Empty, f)).ToImmutableArray()).Run();
    }

    /// <summary>The node at <paramref name="address"/>, or null when no file has that class.</summary>
    private SchemaNodeSpec? Node(SchemaNodeAddress address)
        => _byClass.TryGetValue(address.SchemaClassName, out var file) ? file.Spec.Nodes[address.NodeIndex] : null;

    private LinkResult Run()
    {
        // Each file's static class is named by its TypeName metadata, else its root title, else its file name.
        var typeNames = new TypeNameRegistry(_diagnostics);
        _files = _files.Select(file =>
        {
            var spec = file.Spec;
            var title = spec.Options.TypeName is null && spec.Nodes.Count > 0 ? spec.Nodes[0].Title : null;
            var wanted = NameHelper.SchemaClassName(spec.FilePath, spec.Options.TypeName ?? title);
            if (title != null)
            {
                // Reported once per file: the root type and the schema class are both named from the title.
                var titleLocation = spec.Positions.Count > 0 ? spec.Positions[0].Title ?? spec.Location(0) : spec.Location(0);
                NameHelper.ReportLostCharacters(_diagnostics, "Title", title, titleLocation, NameHelper.TypeNameForFile(spec.FilePath, title));
            }

            return file with { ClassName = typeNames.Claim(wanted, spec.Nodes.Count > 0 ? spec.Location(0) : null, spec.FilePath) };
        }).ToImmutableArray();

        foreach (var file in _files)
        {
            _byClass[file.ClassName] = file;
            Index(file);
        }

        _files = _files.Select(file => file with { Spec = Vocabularies.ApplyDialect(file.Spec, MetaSchemaRoot, _diagnostics) }).ToImmutableArray();
        foreach (var file in _files)
        {
            _byClass[file.ClassName] = file;
        }

        var emitSpecs = _files.Select(LinkFile).ToEquatableArray();
        var graph = new LinkedGraph(emitSpecs.Zip(_files, (emit, file) => (emit, file.Spec)));

        // Types follow the schemas as written; validation also checks each closed hierarchy's discriminator value.
        var hierarchies = PlanHierarchies(graph);
        var types = ModelBuilder.Build(graph, _files.Where(f => f.Spec.Options.GenerateModels), typeNames, hierarchies, _diagnostics);
        emitSpecs = WithDiscriminatorChecks(emitSpecs, hierarchies);
        graph = new LinkedGraph(emitSpecs.Zip(_files, (emit, file) => (emit, file.Spec)));
        var compiled = ValidatorPlanner.Plan(emitSpecs, graph, _diagnostics);
        return new LinkResult(emitSpecs, types.Models, types.Enums, _diagnostics.ToEquatableArray())
        {
            CompiledValidators = compiled,
            Support = SupportPlanner.Plan(emitSpecs, types.Models, types.Enums, compiled),
        };
    }

    private SchemaNodeSpec? MetaSchemaRoot(string uri)
        => _resources.TryGetValue(uri, out var address) || _resources.TryGetValue(UriReference.PercentDecode(uri), out address) ? Node(address) : null;

    private void Index(NamedFile file)
    {
        if (file.Spec.Nodes.Count == 0)
        {
            return;
        }

        var pointers = new Dictionary<string, int>(StringComparer.Ordinal);
        _pointers[file.ClassName] = pointers;
        var retrieval = UriReference.SplitFragment(file.Spec.RetrievalUri).Uri;
        AddResource(retrieval, new SchemaNodeAddress(file.ClassName, 0), file.Spec);
        foreach (var node in file.Spec.Nodes)
        {
            pointers[node.Pointer] = node.Index;
            if (node.InsideUnknownKeyword)
            {
                continue;
            }

            var address = new SchemaNodeAddress(file.ClassName, node.Index);
            if (node.ResourcePointer.Length == 0 && node.ResourceUri != retrieval)
            {
                AddResource(node.ResourceUri, address, file.Spec);
            }

            if (node.Anchor != null)
            {
                _anchors[(node.ResourceUri, node.Anchor)] = address;
            }

            if (node.DynamicAnchor != null)
            {
                // A $dynamicAnchor is also a plain anchor for $ref.
                _anchors[(node.ResourceUri, node.DynamicAnchor)] = address;
                if (!_dynamicAnchors.TryGetValue(node.DynamicAnchor, out var list))
                {
                    _dynamicAnchors[node.DynamicAnchor] = list = new List<DynamicAnchorCandidate>();
                }

                list.Add(new DynamicAnchorCandidate(node.ResourceUri, address));
            }
        }
    }

    private void AddResource(string uri, SchemaNodeAddress address, SchemaFileSpec file)
    {
        if (_resources.TryGetValue(uri, out var existing) && existing != address)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidKeywordValue, file.Location(address.NodeIndex),
                "$id", $"unique across schema files ('{uri}' is already the identifier of {_byClass[existing.SchemaClassName].Spec.FilePath})"));
            return;
        }

        _resources[uri] = address;
    }

    private SchemaFileEmitSpec LinkFile(NamedFile named)
    {
        var file = named.Spec;
        var linked = new List<LinkedNodeSpec>(file.Nodes.Count);
        var propertyNameSchemas = new HashSet<int>(file.Nodes.Where(n => n.PropertyNames != null).Select(n => n.PropertyNames!.Value));
        foreach (var node in file.Nodes)
        {
            var target = node.Ref is null ? null : Resolve(file, node, node.Ref);
            DynamicRefSpec? dynamic = null;
            if (node.DynamicRef != null && Resolve(file, node, node.DynamicRef) is { } staticTarget)
            {
                var anchor = UriReference.SplitFragment(node.DynamicRef).Fragment;
                var candidates = anchor != null && _dynamicAnchors.TryGetValue(anchor, out var list)
                    ? list.ToEquatableArray()
                    : EquatableArray<DynamicAnchorCandidate>.Empty;
                dynamic = new DynamicRefSpec(staticTarget, anchor ?? string.Empty, candidates);
            }

            // Patterns are translated once, here, so the emitter only writes them.
            linked.Add(new LinkedNodeSpec(node, target, dynamic,
                node.Pattern is null ? null : PatternTranslator.ToDotNet(node.Pattern),
                node.PatternProperties.Select(p => PatternTranslator.ToDotNet(p.Name)).ToEquatableArray(),
                propertyNameSchemas.Contains(node.Index) && Keywords.ChecksStringsOnly(node))
            {
                EnumStringsAsArray = ValueLookup.HasLargeStringSet(node.Enum),
            });
        }

        var root = file.Nodes.Count > 0 ? file.Nodes[0] : null;
        return new SchemaFileEmitSpec(named.ClassName, file.FilePath, root?.Title, root?.Description, linked.ToEquatableArray());
    }

    private SchemaNodeAddress? Resolve(SchemaFileSpec file, SchemaNodeSpec node, string reference)
    {
        if (Lookup(node, reference) is { } found)
        {
            return found;
        }

        // A reference inside an annotation or unknown keyword is not a schema's: nothing evaluates it.
        if (node.InsideUnknownKeyword)
        {
            return null;
        }

        var positions = file.Positions[node.Index];
        var location = reference == node.Ref ? positions.Ref : positions.DynamicRef;
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, location ?? positions.Node,
            reference == node.Ref ? "$ref" : "$dynamicRef", reference));
        return null;
    }

    /// <summary>Where <paramref name="reference"/>, read at <paramref name="node"/>, leads; null when nowhere.</summary>
    private SchemaNodeAddress? Lookup(SchemaNodeSpec node, string reference)
    {
        var absolute = UriReference.Resolve(node.ResourceUri, reference);
        var (uri, fragment) = UriReference.SplitFragment(absolute);
        // File URIs are registered as written; a reference may spell non-ASCII names percent-encoded.
        if (_resources.TryGetValue(uri, out var resource) || _resources.TryGetValue(UriReference.PercentDecode(uri), out resource))
        {
            if (string.IsNullOrEmpty(fragment))
            {
                return resource;
            }

            var decoded = UriReference.PercentDecode(fragment!);
            if (decoded.StartsWith("/", StringComparison.Ordinal))
            {
                var resourceRoot = Node(resource)!;
                if (_pointers[resource.SchemaClassName].TryGetValue(resourceRoot.Pointer + decoded, out var index))
                {
                    return new SchemaNodeAddress(resource.SchemaClassName, index);
                }
            }
            else if (_anchors.TryGetValue((uri, decoded), out var anchored))
            {
                return anchored;
            }
        }

        return null;
    }
}

/// <summary>A parse-time spec and the schema class name the linker gave it.</summary>
internal sealed record NamedFile(string ClassName, SchemaFileSpec Spec);
