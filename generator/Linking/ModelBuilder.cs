using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Decides which schemas become C# types and what each property's C# type is.
/// A file's root object becomes a class named by its title; a $defs entry that is an object with
/// properties, or a string enum, becomes a type named by its title (else its key); an inline object
/// or enum under a property becomes {Parent}{Property}. Anything the schema does not pin to one
/// C# shape stays a JsonElement, so no value is ever lost.
/// </summary>
internal sealed partial class ModelBuilder
{
    private readonly LinkedGraph _graph;
    private readonly TypeNameRegistry _names;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<SchemaNodeAddress, string> _defNames = new();
    private readonly Dictionary<SchemaNodeAddress, NameSource> _nameSources = new();
    private readonly Dictionary<SchemaNodeAddress, TypeRefSpec> _typesByNode = new();
    private readonly List<ModelTypeSpec> _models = new();
    private readonly List<EnumTypeSpec> _enums = new();
    private readonly Queue<(SchemaNodeAddress Address, string Name)> _pending = new();
    private readonly HashSet<SchemaNodeAddress> _resolving = new();
    private readonly HashSet<SchemaNodeAddress> _namedProperties = new();
    private readonly IReadOnlyDictionary<SchemaNodeAddress, HierarchyPlan> _hierarchies;

    /// <summary>How many references deep a property's type is followed before it is left as a JsonElement.</summary>
    private const int MaxReferenceChain = 256;

    private ModelBuilder(LinkedGraph graph, TypeNameRegistry names, IReadOnlyDictionary<SchemaNodeAddress, HierarchyPlan> hierarchies, List<DiagnosticInfo> diagnostics)
    {
        _graph = graph;
        _names = names;
        _hierarchies = hierarchies;
        _diagnostics = diagnostics;
    }

    /// <param name="hierarchies">The discriminators the linker found complete, oneOf/anyOf or allOf form (see SchemaLinker.Discriminators.cs).</param>
    public static (EquatableArray<ModelTypeSpec> Models, EquatableArray<EnumTypeSpec> Enums) Build(
        LinkedGraph graph, IEnumerable<NamedFile> files, TypeNameRegistry names, IReadOnlyDictionary<SchemaNodeAddress, HierarchyPlan> hierarchies,
        List<DiagnosticInfo> diagnostics)
    {
        var builder = new ModelBuilder(graph, names, hierarchies, diagnostics);
        var fileList = files.ToList();
        foreach (var file in fileList)
        {
            var nodes = file.Spec.Nodes;
            foreach (var def in nodes.Count > 0 ? nodes[0].Defs : EquatableArray<NamedSubschema>.Empty)
            {
                var node = nodes[def.Node];
                var address = new SchemaNodeAddress(file.ClassName, def.Node);
                builder._defNames[address] =
                    (node.Title is null ? null : NameHelper.ToPascalCase(node.Title)) ?? NameHelper.ToPascalCase(def.Name) ?? "Definition";
                builder._nameSources[address] = node.Title is { } title
                    ? new NameSource("Title", title, graph.TitleLocation(address))
                    : new NameSource("$defs key", def.Name, graph.Location(address));
            }

            // The root's title was reported by the linker, which names the file's schema class from it.
            if (nodes.Count > 0 && file.Spec.Options.TypeName is null && nodes[0].Title is { } rootTitle)
            {
                var root = new SchemaNodeAddress(file.ClassName, 0);
                builder._nameSources[root] = new NameSource("Title", rootTitle, graph.TitleLocation(root)) { Reported = true };
            }
        }

        // A root is named up front too: a closed hierarchy names its alternatives (other roots) while the roots are being typed.
        foreach (var file in fileList.Where(f => f.Spec.Nodes.Count > 0))
        {
            builder._defNames[new SchemaNodeAddress(file.ClassName, 0)] = file.Spec.Options.TypeName ?? NameHelper.TypeNameForFile(file.Spec.FilePath, file.Spec.Nodes[0].Title);
        }

        foreach (var file in fileList)
        {
            var spec = file.Spec;
            if (spec.Nodes.Count == 0)
            {
                continue;
            }

            var root = new SchemaNodeAddress(file.ClassName, 0);
            builder.TypeOf(root, builder._defNames[root], declaredType: true);
            foreach (var def in spec.Nodes[0].Defs)
            {
                var address = new SchemaNodeAddress(file.ClassName, def.Node);
                builder.TypeOf(address, builder._defNames[address], declaredType: true);
            }
        }

        while (builder._pending.Count > 0)
        {
            var (address, name) = builder._pending.Dequeue();
            builder.BuildType(address, name);
        }

        var models = builder._models.Select(model => builder._baseTypes.TryGetValue(model.Name, out var baseType) ? model with { BaseType = baseType } : model);
        return (WithSharedMembers(models.ToList()).ToEquatableArray(), builder._enums.ToEquatableArray());
    }

    /// <summary>
    /// The C# type for the schema at <paramref name="address"/>. <paramref name="nameHint"/> names a type
    /// created for it. A declared type (file root or $defs entry) that is neither an object nor an enum
    /// creates nothing.
    /// </summary>
    private (TypeRefSpec Type, bool Nullable) TypeOf(SchemaNodeAddress address, string nameHint, bool declaredType = false)
    {
        // A reference cycle that never reaches a named type ($ref to $ref, an array of itself) has no C# shape,
        // and neither has a chain of references so long that following it would exhaust the compiler's stack.
        if (_resolving.Count >= MaxReferenceChain || !_resolving.Add(address))
        {
            return (TypeRefSpec.Json, true);
        }

        try
        {
            return ShapeOf(address, nameHint, declaredType);
        }
        finally
        {
            _resolving.Remove(address);
        }
    }

    private (TypeRefSpec Type, bool Nullable) ShapeOf(SchemaNodeAddress address, string nameHint, bool declaredType)
    {
        var linked = _graph.Linked(address);
        var node = linked.Node;
        if (node.BooleanValue != null)
        {
            return (TypeRefSpec.Json, true);
        }

        // A pure reference takes its target's type (the target keeps its own name).
        if (linked.Ref is { } target && IsOnlyReference(node))
        {
            return TypeOf(target, _defNames.TryGetValue(target, out var defName) ? defName : nameHint);
        }

        if (NullableAlternative(node, address) is { } alternative)
        {
            var inner = TypeOf(alternative, nameHint);
            return (inner.Type, true);
        }

        if (_hierarchies.TryGetValue(address, out var plan) && HierarchyOf(address, plan, nameHint, declaredType) is { } hierarchy)
        {
            return (hierarchy, (node.Types & JsonTypes.Null) != 0);
        }

        // {"allOf": [X]} (or an anyOf or oneOf of one) alone annotates X (OpenAPI 3.0 ignores what stands beside a $ref): it has X's type.
        if (SoleBranch(linked, address) is { } sole)
        {
            return TypeOf(sole, nameHint);
        }

        if (ExpandableOf(node, address, nameHint) is { } expandable)
        {
            return expandable;
        }

        if (UnionOf(node, address, nameHint) is { } union)
        {
            return union;
        }

        var nullable = (node.Types & JsonTypes.Null) != 0;
        var types = node.Types & ~JsonTypes.Null;
        if (node.HasEnum && node.Enum.Count > 0 && node.Enum.All(v => v.Kind is LiteralKind.String or LiteralKind.Null))
        {
            nullable |= node.Enum.Contains(LiteralSpec.Null);
            return (NamedType(address, nameHint, TypeRefKind.Enum, declaredType), nullable);
        }

        if (types is JsonTypes.None or JsonTypes.Object && IsObjectComposition(node, address))
        {
            return (NamedType(address, nameHint, TypeRefKind.Model, declaredType), nullable);
        }

        if (types == JsonTypes.None && node.Properties.Count > 0)
        {
            types = JsonTypes.Object;
        }

        if (types == JsonTypes.None && node.Const is { } constant)
        {
            types = constant.Kind == LiteralKind.String ? JsonTypes.String : JsonTypes.None;
        }

        if (types == JsonTypes.None && !node.AnyOf.IsEmpty)
        {
            types = CommonPrimitive(node.AnyOf, address.SchemaClassName);
        }

        switch (types)
        {
            case JsonTypes.String:
                return (TypeRefSpec.String, nullable);
            case JsonTypes.Integer:
                return (TypeRefSpec.Int64, nullable);
            case JsonTypes.Number:
            case JsonTypes.Number | JsonTypes.Integer:
                return (TypeRefSpec.Double, nullable);
            case JsonTypes.Boolean:
                return (TypeRefSpec.Boolean, nullable);
            case JsonTypes.Object when node.Properties.Count > 0:
                return (NamedType(address, nameHint, TypeRefKind.Model, declaredType), nullable);
            case JsonTypes.Object when node.AdditionalProperties is int values && !declaredType:
                var valueType = TypeOf(new SchemaNodeAddress(address.SchemaClassName, values), nameHint + "Value");
                return (new TypeRefSpec(TypeRefKind.Map, Element: Element(valueType)), nullable);
            case JsonTypes.Array when !declaredType:
                var itemType = node.Items is int items
                    ? TypeOf(new SchemaNodeAddress(address.SchemaClassName, items), nameHint + "Item")
                    : (TypeRefSpec.Json, true);
                return (new TypeRefSpec(TypeRefKind.List, Element: Element(itemType)), nullable);
            default:
                return (TypeRefSpec.Json, true);
        }
    }

    /// <summary>Elements of lists and maps that may be null become JsonElement: null then survives as JSON null.</summary>
    private static TypeRefSpec Element((TypeRefSpec Type, bool Nullable) element)
        => element.Nullable && element.Type.Kind != TypeRefKind.Json ? TypeRefSpec.Json : element.Type;

    /// <param name="declaredType">A file root or $defs entry: its name is the author's, and a clash is reported.</param>
    private TypeRefSpec NamedType(SchemaNodeAddress address, string nameHint, TypeRefKind kind, bool declaredType)
    {
        if (_typesByNode.TryGetValue(address, out var existing))
        {
            return existing;
        }

        var node = _graph.Linked(address).Node;
        var location = _graph.Location(address);
        var owner = node.Pointer.Length == 0 ? location.FilePath : $"{location.FilePath}#{node.Pointer}";
        // A name the author wrote is reported where it was written: the title, else the $defs entry.
        var source = _nameSources.TryGetValue(address, out var found) ? found : null;
        var nameLocation = source?.Location ?? location;
        var name = _defNames.TryGetValue(address, out var defName) ? _names.Claim(defName, nameLocation, owner)
            : declaredType ? _names.Claim(nameHint, nameLocation, owner)
            : _names.ClaimDerived(nameHint, owner);
        if (source is { Reported: false })
        {
            ReportLostCharacters(source.What, source.Text, source.Location, name);
        }

        var type = new TypeRefSpec(kind, name);
        _typesByNode[address] = type;
        _pending.Enqueue((address, name));
        return type;
    }

    private void BuildType(SchemaNodeAddress address, string name)
    {
        var node = _graph.Linked(address).Node;
        if (_alternatives.TryGetValue(address, out var alternatives))
        {
            _models.Add(new ModelTypeSpec(name, node.Description ?? node.Title, EquatableArray<PropertySpec>.Empty, true, address) { Alternatives = alternatives });
            return;
        }

        if (_typesByNode[address].Kind == TypeRefKind.Enum)
        {
            _enums.Add(EnumType(node, address, name));
            return;
        }

        var taken = new HashSet<string>(ReservedNames.ModelMembers, StringComparer.Ordinal) { name };
        // An allOf composition has the properties of all its parts (a name declared by several has the first declaration's type);
        // a schema with properties beside an allOf of anything else (a part that is no plain object) has only its own.
        var parts = (node.AllOf.IsEmpty ? null : PartsOf(address)) ?? new List<SchemaNodeAddress> { address };
        var required = new HashSet<string>(parts.SelectMany(part => _graph.Linked(part).Node.Required), StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<PropertySpec>();
        foreach (var (property, propertyAddress, owner) in parts.SelectMany(part => _graph.Linked(part).Node.Properties
            .Select(p => (p, new SchemaNodeAddress(part.SchemaClassName, p.Node), part))))
        {
            if (!declared.Add(property.Name))
            {
                continue;
            }

            var baseName = NameHelper.ToPascalCase(property.Name) ?? "Property";
            var clrName = taken.Contains(baseName) ? NameHelper.Unique(baseName + "Value", taken) : NameHelper.Unique(baseName, taken);
            if (_namedProperties.Add(propertyAddress))
            {
                // Once per property: a part of several compositions gives its properties to each.
                ReportLostCharacters("Property", property.Name, _graph.Location(propertyAddress), clrName);
            }

            // An inline type under a named part (a component the class derives from) is named after that part, whichever class reaches it first.
            var ownerName = owner != address && _defNames.TryGetValue(owner, out var partName) ? partName : name;
            var (type, nullable) = TypeOf(propertyAddress, ownerName + NameHelper.ToPascalCase(property.Name));
            var linked = _graph.Linked(propertyAddress);
            properties.Add(new PropertySpec(property.Name, clrName, type, required.Contains(property.Name), nullable, linked.Node.Description)
            {
                Sensitive = IsSensitive(propertyAddress),
            });
        }

        // Backing fields are named around every property name, so they are decided once all are known.
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var camel = char.ToLowerInvariant(p.ClrName[0]) + p.ClrName.Substring(1);
            properties[i] = p with
            {
                FieldName = p.Required ? null : NameHelper.Unique("_" + camel, taken),
                HasFieldName = p.Required ? null : NameHelper.Unique("_has" + p.ClrName, taken),
            };
        }

        var additional = node.AdditionalProperties is int extra ? _graph.Linked(new SchemaNodeAddress(address.SchemaClassName, extra)).Node : null;
        // Strict parsing may reject a member only where the schema closes the object to everything it does not name.
        var closed = additional?.BooleanValue == false && node.PatternProperties.IsEmpty;
        _models.Add(new ModelTypeSpec(name, node.Description ?? node.Title, properties.ToEquatableArray(), !closed, address));
    }

    private EnumTypeSpec EnumType(SchemaNodeSpec node, SchemaNodeAddress address, string typeName)
    {
        // null in a nullable enum is no value of the type; a repeated value is one member, so the constant a WPC005 names is the one emitted.
        var values = node.Enum.Where(literal => literal.Kind == LiteralKind.String).Select(literal => literal.Text).Distinct(StringComparer.Ordinal).ToList();
        var named = Math.Min(values.Count, ValueLookup.NamedConstantLimit);
        if (values.Count > named)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumTooLargeForConstants, _graph.EnumLocation(address),
                values.Count.ToString("N0", CultureInfo.InvariantCulture), ValueLookup.NamedConstantLimit.ToString("N0", CultureInfo.InvariantCulture)));
        }

        var taken = new HashSet<string>(ReservedNames.EnumMembers, StringComparer.Ordinal) { typeName };
        var members = new List<EnumMemberSpec>(named);
        foreach (var value in values.Take(named))
        {
            // Every value stays known (KnownValues, IsKnown, strict parsing); one without a clean name gets a made-up one.
            var identifier = NameHelper.ToPascalCase(value);
            if (identifier is null || !taken.Add(identifier))
            {
                identifier = NameHelper.Unique(identifier ?? "Unnamed", taken);
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumValueNotIdentifier, _graph.Location(address), LiteralSpec.String(value).Json, typeName, identifier));
            }
            else
            {
                ReportLostCharacters("Enum value", value, _graph.EnumLocation(address), identifier);
            }

            members.Add(new EnumMemberSpec(identifier, value));
        }

        return new EnumTypeSpec(typeName, node.Description ?? node.Title, members.ToEquatableArray(), values.ToEquatableArray(), ValueLookup.IsLarge(values.Count), address);
    }

    /// <summary>
    /// "x-sensitive" on the property's schema, on what it references, or on an alternative of it (an expandable field's object,
    /// a union's class, a nullable wrapper's schema): the value never appears in a Parse exception.
    /// </summary>
    private bool IsSensitive(SchemaNodeAddress property) => IsSensitive(property, levels: 2);

    /// <param name="levels">How many levels of anyOf/oneOf/allOf branches are looked into: a 3.0 nullable wrapper around an expandable field is two.</param>
    private bool IsSensitive(SchemaNodeAddress address, int levels)
    {
        var linked = _graph.Linked(address);
        if (linked.Node.Sensitive || (linked.Ref is { } target && _graph.Linked(target).Node.Sensitive))
        {
            return true;
        }

        var node = linked.Node;
        return levels > 0 && node.AnyOf.Concat(node.OneOf).Concat(node.AllOf)
            .Any(branch => IsSensitive(new SchemaNodeAddress(address.SchemaClassName, branch), levels - 1));
    }

    private void ReportLostCharacters(string what, string text, LocationInfo location, string name)
        => NameHelper.ReportLostCharacters(_diagnostics, what, text, location, name);

    /// <summary>The author's text a declared type is named from, and where it stands.</summary>
    private sealed record NameSource(string What, string Text, LocationInfo Location)
    {
        /// <summary>Its WPC021 was reported already (a root title, by the linker).</summary>
        public bool Reported { get; init; }
    }

    /// <summary>For anyOf/oneOf [X, {"type": "null"}]: the address of X.</summary>
    private SchemaNodeAddress? NullableAlternative(SchemaNodeSpec node, SchemaNodeAddress address)
    {
        var branches = !node.AnyOf.IsEmpty ? node.AnyOf : node.OneOf;
        if (branches.Count != 2 || node.Types != JsonTypes.None || node.Properties.Count > 0)
        {
            return null;
        }

        var first = new SchemaNodeAddress(address.SchemaClassName, branches[0]);
        var second = new SchemaNodeAddress(address.SchemaClassName, branches[1]);
        return IsNullOnly(second) ? first : IsNullOnly(first) ? second : null;
    }

    private bool IsNullOnly(SchemaNodeAddress address)
    {
        var node = _graph.Linked(address).Node;
        return node.Types == JsonTypes.Null || node.Const == LiteralSpec.Null;
    }

    /// <summary>anyOf whose branches all share one primitive type (e.g. two string formats) has that type.</summary>
    private JsonTypes CommonPrimitive(EquatableArray<int> branches, string className)
    {
        var common = JsonTypes.None;
        foreach (var branch in branches)
        {
            var node = _graph.Linked(new SchemaNodeAddress(className, branch)).Node;
            var types = node.Types & ~JsonTypes.Null;
            if (types is not (JsonTypes.String or JsonTypes.Integer or JsonTypes.Number or JsonTypes.Boolean) || (common != JsonTypes.None && common != types))
            {
                return JsonTypes.None;
            }

            common = types;
        }

        return common;
    }

    /// <summary>True when a node is only "$ref" plus annotations (and assertions that do not change the shape).</summary>
    internal static bool IsOnlyReference(SchemaNodeSpec node)
        => node.Types == JsonTypes.None && node.Properties.Count == 0 && !node.HasEnum && node.AnyOf.IsEmpty && node.OneOf.IsEmpty;
}
