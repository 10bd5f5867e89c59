using System;
using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Unions: an anyOf/oneOf whose branches are references to object schemas that each pin one shared string
/// property with a distinct "const" (the discriminator, such as "object": "payment_intent"). Besides those,
/// a branch may be {"type": "null"} (the value may be null) or an object schema without a reference (the
/// catch-all for resources the contract does not model; such a value is kept whole as a JsonElement).
/// Anything else is not a union and keeps its usual shape.
/// </summary>
internal sealed partial class ModelBuilder
{
    /// <summary>Alternatives already reported as WPC040: a $defs entry is shaped once per reference to it.</summary>
    private readonly HashSet<SchemaNodeAddress> _reportedUnions = new();

    /// <summary>The closed hierarchies' bases, by schema node: the classes deriving from each.</summary>
    private readonly Dictionary<SchemaNodeAddress, UnionSpec> _alternatives = new();

    /// <summary>Each class that is an alternative of a closed hierarchy, and that hierarchy's base class.</summary>
    private readonly Dictionary<string, string> _baseTypes = new(StringComparer.Ordinal);

    private (TypeRefSpec Type, bool Nullable)? UnionOf(SchemaNodeSpec node, SchemaNodeAddress address, string nameHint)
    {
        var branches = !node.AnyOf.IsEmpty ? node.AnyOf : node.OneOf;
        if (branches.Count < 2 || (node.Types & ~(JsonTypes.Object | JsonTypes.Null)) != JsonTypes.None || node.Properties.Count > 0 || node.HasEnum)
        {
            return null;
        }

        var nullable = (node.Types & JsonTypes.Null) != 0;
        var targets = new List<SchemaNodeAddress>();
        foreach (var branch in branches)
        {
            var branchAddress = new SchemaNodeAddress(address.SchemaClassName, branch);
            var linked = _graph.Linked(branchAddress);
            if (IsNullOnly(branchAddress))
            {
                nullable = true;
            }
            else if (linked.Ref is { } target && IsOnlyReference(linked.Node))
            {
                targets.Add(target);
            }
            else if (linked.Ref is not null || linked.Node.Types != JsonTypes.Object || !linked.Node.AnyOf.IsEmpty || !linked.Node.OneOf.IsEmpty)
            {
                return null;
            }
        }

        if (targets.Count == 0)
        {
            return null;
        }

        if (Discriminator(targets) is not { } discriminator)
        {
            // A discriminator that made no hierarchy was reported (WPC037/WPC038) already.
            if (node.Discriminator is null && targets.All(target => _graph.Linked(target).Node.Properties.Count > 0) && _reportedUnions.Add(address))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnionWithoutDiscriminator, _graph.Location(address), !node.AnyOf.IsEmpty ? "anyOf" : "oneOf"));
            }

            return null;
        }

        var members = new List<UnionMemberSpec>();
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var (type, _) = TypeOf(target, _defNames.TryGetValue(target, out var defName) ? defName : nameHint + "Option" + (i + 1));
            if (type.Kind != TypeRefKind.Model)
            {
                return null;
            }

            members.Add(new UnionMemberSpec(discriminator.Values[i], type.Name!));
        }

        return (new TypeRefSpec(TypeRefKind.Union, Union: new UnionSpec(discriminator.Name, members.ToEquatableArray())), nullable);
    }

    /// <summary>
    /// An id-or-object field: an anyOf/oneOf of a plain string (the id) and a reference to a schema that is a generated class
    /// (the object, when the request expands it), and possibly null. Its type is Runtime.Expandable of that class.
    /// </summary>
    private (TypeRefSpec Type, bool Nullable)? ExpandableOf(SchemaNodeSpec node, SchemaNodeAddress address, string nameHint)
    {
        var branches = !node.AnyOf.IsEmpty ? node.AnyOf : node.OneOf;
        if (branches.Count < 2 || (node.Types & ~JsonTypes.Null) != JsonTypes.None || node.Properties.Count > 0 || node.HasEnum || !node.AllOf.IsEmpty)
        {
            return null;
        }

        var nullable = (node.Types & JsonTypes.Null) != 0;
        var id = false;
        SchemaNodeAddress? target = null;
        foreach (var branch in branches)
        {
            var branchAddress = new SchemaNodeAddress(address.SchemaClassName, branch);
            var linked = _graph.Linked(branchAddress);
            if (IsNullOnly(branchAddress))
            {
                nullable = true;
            }
            else if (!id && linked.Ref is null && linked.Node.Types == JsonTypes.String && !linked.Node.HasEnum && linked.Node.Const is null)
            {
                id = true;
            }
            else if (target is null && linked.Ref is { } reference && IsOnlyReference(linked.Node))
            {
                target = reference;
            }
            else
            {
                return null;
            }
        }

        if (!id || target is null)
        {
            return null;
        }

        var (type, targetNullable) = TypeOf(target, _defNames.TryGetValue(target, out var defName) ? defName : nameHint);
        return type.Kind == TypeRefKind.Model ? (new TypeRefSpec(TypeRefKind.Expandable, Element: type), nullable || targetNullable) : null;
    }

    /// <summary>
    /// A closed hierarchy for a complete discriminator: an abstract class for the oneOf/anyOf (or the allOf form's base), from
    /// which each alternative's class derives. Null (the value keeps the shape it has without a discriminator) when an alternative is no generated class or already derives from another.
    /// </summary>
    private TypeRefSpec? HierarchyOf(SchemaNodeAddress address, HierarchyPlan plan, string nameHint, bool declaredType)
    {
        if (_typesByNode.TryGetValue(address, out var existing))
        {
            return existing;
        }

        var members = new List<UnionMemberSpec>();
        foreach (var (value, target) in plan.Values)
        {
            var (type, _) = TypeOf(target, _defNames.TryGetValue(target, out var defName) ? defName : nameHint + "Option" + (members.Count + 1));
            if (type.Kind != TypeRefKind.Model || _typesByNode.ContainsKey(address))
            {
                // Not a class (or, through a cycle, the hierarchy was made meanwhile): no hierarchy here.
                return _typesByNode.TryGetValue(address, out var made) ? made : null;
            }

            members.Add(new UnionMemberSpec(value, type.Name!));
        }

        var derived = members.Select(m => m.TypeName).Distinct().ToList();
        if (derived.FirstOrDefault(_baseTypes.ContainsKey) is { } claimed)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AlternativeInTwoHierarchies, _graph.DiscriminatorLocation(address), claimed, _baseTypes[claimed],
                _defNames.TryGetValue(address, out var wanted) ? wanted : nameHint));
            return null;
        }

        // Recorded before the type is named: building it (queued by NamedType) reads the alternatives.
        _alternatives[address] = new UnionSpec(plan.PropertyName, members.ToEquatableArray());
        var name = NamedType(address, nameHint, TypeRefKind.Model, declaredType);
        foreach (var type in derived)
        {
            _baseTypes[type] = name.Name!;
        }

        return name;
    }

    /// <summary>
    /// The properties every alternative of a closed hierarchy has alike (JSON name, C# name, type, required and nullable) are
    /// declared abstract on the base, so they read without a cast; each alternative overrides them.
    /// </summary>
    private static List<ModelTypeSpec> WithSharedMembers(List<ModelTypeSpec> models)
    {
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var overridden = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < models.Count; i++)
        {
            if (models[i].Alternatives is not { } alternatives)
            {
                continue;
            }

            var classes = alternatives.Members.Select(m => byName[m.TypeName]).Distinct().ToList();
            var shared = classes[0].Properties
                .Where(p => p.ClrName != models[i].Name && classes.All(c => c.Properties.Any(q => q.JsonName == p.JsonName && q.ClrName == p.ClrName
                    && q.Type == p.Type && q.Required == p.Required && q.Nullable == p.Nullable)))
                .ToList();
            models[i] = models[i] with { Properties = shared.Select(p => p with { FieldName = null, HasFieldName = null }).ToEquatableArray() };
            foreach (var type in classes)
            {
                overridden[type.Name] = new HashSet<string>(shared.Select(p => p.JsonName), StringComparer.Ordinal);
            }
        }

        return models.Select(model => overridden.TryGetValue(model.Name, out var names)
            ? model with { Properties = model.Properties.Select(p => names.Contains(p.JsonName) ? p with { Overrides = true } : p).ToEquatableArray() }
            : model).ToList();
    }

    /// <summary>The first property of the first target that every target pins to a distinct string const, and those values.</summary>
    private (string Name, List<string> Values)? Discriminator(List<SchemaNodeAddress> targets)
    {
        var first = _graph.Linked(targets[0]).Node;
        foreach (var candidate in first.Properties)
        {
            var values = new List<string>();
            foreach (var target in targets)
            {
                if (ConstString(target, candidate.Name) is not { } value)
                {
                    break;
                }

                values.Add(value);
            }

            if (values.Count == targets.Count && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return (candidate.Name, values);
            }
        }

        return null;
    }

    private string? ConstString(SchemaNodeAddress objectSchema, string propertyName)
    {
        var node = _graph.Linked(objectSchema).Node;
        if (node.Types is not (JsonTypes.None or JsonTypes.Object))
        {
            return null;
        }

        foreach (var property in node.Properties)
        {
            if (property.Name == propertyName)
            {
                // An enum of one value pins the property as a const does (OpenAPI 3.0 has no const: Stripe and 3.0 exports write it so).
                var pinned = _graph.Linked(new SchemaNodeAddress(objectSchema.SchemaClassName, property.Node)).Node;
                var constant = pinned.Const ?? (pinned.Enum.Count == 1 ? pinned.Enum[0] : null);
                return constant is { Kind: LiteralKind.String } ? constant.Text : null;
            }
        }

        return null;
    }
}
