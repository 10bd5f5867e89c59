using System;
using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing.OpenApi;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// A discriminator that names every alternative (of its oneOf/anyOf, or, in the allOf form, every component deriving from
/// the schema): the values that select each one, in schema order (an alternative may have several values). The model builder
/// makes it a closed class hierarchy.
/// </summary>
/// <param name="Inheritance">The allOf form: the alternatives derive from the schema, which declares properties of its own.</param>
internal sealed record HierarchyPlan(string PropertyName, IReadOnlyList<(string Value, SchemaNodeAddress Target)> Values, bool Inheritance = false);

/// <summary>
/// OpenAPI discriminators. One makes a closed hierarchy when its alternatives are known (the schema is a oneOf/anyOf of
/// references only; or, the allOf form, components derive from it through allOf), every alternative is named (by the
/// mapping, else by its component name, OpenAPI's implicit mapping), every mapping value leads to one of the alternatives,
/// and every alternative declares the property as a required string. Anything less is a WPC037 at the discriminator (a
/// discriminator with nothing to choose among, WPC036), and the value keeps the shape it has without one.
/// </summary>
internal sealed partial class SchemaLinker
{
    private const string ComponentsSegment = "/components/schemas/";

    /// <summary>How many pure references a discriminator property's schema is followed through to find its type.</summary>
    private const int MaxPropertyReferences = 16;

    private Dictionary<SchemaNodeAddress, HierarchyPlan> PlanHierarchies(LinkedGraph graph)
    {
        var plans = new Dictionary<SchemaNodeAddress, HierarchyPlan>();

        // A request or response view of a component repeats its discriminator at the same place: it is reported once.
        var reported = new HashSet<DiagnosticInfo>();
        void Report(DiagnosticInfo diagnostic)
        {
            if (reported.Add(diagnostic))
            {
                _diagnostics.Add(diagnostic);
            }
        }

        // A view of a base of the allOf form has no views deriving from it: it takes its component's values (below).
        var inheritanceViews = new List<(SchemaNodeAddress View, string ComponentUri)>();
        Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>>? derivations = null;
        foreach (var file in _files)
        {
            foreach (var node in file.Spec.Nodes)
            {
                if (node.Discriminator is not { } discriminator || node.InsideUnknownKeyword)
                {
                    continue;
                }

                var address = new SchemaNodeAddress(file.ClassName, node.Index);
                var location = file.Spec.Positions[node.Index].Discriminator ?? file.Spec.Location(node.Index);
                var problems = new List<string>();
                HierarchyPlan? plan;
                if (!node.OneOf.IsEmpty || !node.AnyOf.IsEmpty)
                {
                    plan = PlanHierarchy(graph, address, discriminator, problems);
                }
                else if (OpenApiDocumentReader.ComponentOfView(file.Spec.RetrievalUri) is { } component)
                {
                    inheritanceViews.Add((address, component));
                    continue;
                }
                else if ((plan = PlanInheritance(graph, address, discriminator, derivations ??= Derivations(graph), problems)) is null)
                {
                    Report(DiagnosticInfo.Create(DiagnosticDescriptors.DiscriminatorWithoutAlternatives, location, discriminator.PropertyName));
                    continue;
                }

                if (problems.Count > 0)
                {
                    Report(DiagnosticInfo.Create(DiagnosticDescriptors.IncompleteDiscriminator, location, discriminator.PropertyName, Listed(problems)));
                }
                else
                {
                    plans[address] = plan;
                }
            }
        }

        // A class has one base: an alternative that is the base of a hierarchy of its own stays an alternative, and its own
        // discriminator makes no hierarchy.
        foreach (var address in plans.Keys.ToList())
        {
            if (!plans.TryGetValue(address, out var outer))
            {
                continue;
            }

            foreach (var target in outer.Values.Select(v => v.Target).Distinct().Where(t => t != address && plans.ContainsKey(t)))
            {
                plans.Remove(target);
                Report(DiagnosticInfo.Create(DiagnosticDescriptors.IncompleteDiscriminator, graph.DiscriminatorLocation(target), Node(target)!.Discriminator!.PropertyName,
                    $"'{Describe(target)}' is itself an alternative of '{Describe(address)}', and a class has one base"));
            }
        }

        foreach (var (view, component) in inheritanceViews)
        {
            // A view keeps the pointers of the component it drops properties from, not its node numbers.
            if (_resources.TryGetValue(component, out var owner) && _pointers[owner.SchemaClassName].TryGetValue(Node(view)!.Pointer, out var index)
                && plans.TryGetValue(new SchemaNodeAddress(owner.SchemaClassName, index), out var plan))
            {
                plans[view] = plan;
            }
        }

        return plans;
    }

    /// <summary>The first problems and how many more: a base of thousands of alternatives must not make a message of megabytes.</summary>
    private static string Listed(List<string> problems)
    {
        const int Listed = 5;
        return problems.Count <= Listed
            ? string.Join("; ", problems)
            : string.Join("; ", problems.Take(Listed)) + "; and " + (problems.Count - Listed).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " more";
    }

    private HierarchyPlan PlanHierarchy(LinkedGraph graph, SchemaNodeAddress address, DiscriminatorSpec discriminator, List<string> problems)
    {
        var node = graph.Linked(address).Node;
        if (!node.OneOf.IsEmpty && !node.AnyOf.IsEmpty)
        {
            problems.Add("the schema has both oneOf and anyOf");
        }

        if (node.Properties.Count > 0 || node.HasEnum || (node.Types & ~JsonTypes.Object) != JsonTypes.None)
        {
            problems.Add("the schema declares more than its alternatives");
        }

        var targets = new List<SchemaNodeAddress>();
        var branches = !node.OneOf.IsEmpty ? node.OneOf : node.AnyOf;
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = graph.Linked(new SchemaNodeAddress(address.SchemaClassName, branches[i]));
            if (branch.Ref is { } target && ModelBuilder.IsOnlyReference(branch.Node))
            {
                targets.Add(target);
            }
            else
            {
                problems.Add($"alternative {i} is not a $ref");
            }
        }

        return Values(graph, node, targets, discriminator, problems);
    }

    /// <summary>
    /// For each schema, the component roots (views aside) with an allOf branch that is only a reference to it: made once per
    /// link, so finding what derives from each base costs what it reaches.
    /// </summary>
    private Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>> Derivations(LinkedGraph graph)
    {
        var derivations = new Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>>();
        foreach (var file in _files.Where(f => f.Spec.Nodes.Count > 0 && OpenApiDocumentReader.ComponentOfView(f.Spec.RetrievalUri) is null))
        {
            var root = new SchemaNodeAddress(file.ClassName, 0);
            if (ComponentName(root) is null)
            {
                continue;
            }

            foreach (var branch in graph.Linked(root).Node.AllOf)
            {
                var linked = graph.Linked(new SchemaNodeAddress(file.ClassName, branch));
                if (linked.Ref is { } parent && ModelBuilder.IsOnlyReference(linked.Node))
                {
                    if (!derivations.TryGetValue(parent, out var children))
                    {
                        derivations[parent] = children = new List<SchemaNodeAddress>();
                    }

                    children.Add(root);
                }
            }
        }

        return derivations;
    }

    /// <summary>
    /// The allOf form: the component schemas that derive from the base (one of their allOf branches is a reference to it, or to
    /// a schema deriving from it) are the alternatives, and the base is abstract. Null when nothing derives from it.
    /// </summary>
    private HierarchyPlan? PlanInheritance(LinkedGraph graph, SchemaNodeAddress address, DiscriminatorSpec discriminator,
        Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>> derivations, List<string> problems)
    {
        var derived = new List<SchemaNodeAddress>();
        var reached = new HashSet<SchemaNodeAddress> { address };
        var pending = new Queue<SchemaNodeAddress>();
        pending.Enqueue(address);
        while (pending.Count > 0)
        {
            var parent = pending.Dequeue();
            if (!derivations.TryGetValue(parent, out var children))
            {
                continue;
            }

            foreach (var root in children)
            {
                if (reached.Add(root))
                {
                    // {"allOf": [{"$ref": base}]} and nothing else is another name for the base: what derives from it derives from the base.
                    if (ModelBuilder.SoleBranch(graph.Linked(root), root) is null)
                    {
                        derived.Add(root);
                    }

                    pending.Enqueue(root);
                }
            }
        }

        return derived.Count == 0 ? null : Values(graph, graph.Linked(address).Node, derived, discriminator, problems) with { Inheritance = true };
    }

    /// <summary>The values that select each alternative: the mapping's, then each unmapped alternative's component name.</summary>
    private HierarchyPlan Values(LinkedGraph graph, SchemaNodeSpec node, List<SchemaNodeAddress> targets, DiscriminatorSpec discriminator, List<string> problems)
    {
        // Sets and an order index: an allOf base may have thousands of alternatives.
        var order = new Dictionary<SchemaNodeAddress, int>();
        foreach (var target in targets)
        {
            if (!order.ContainsKey(target))
            {
                order[target] = order.Count;
            }
        }

        var values = new List<(string Value, SchemaNodeAddress Target)>();
        var named = new HashSet<SchemaNodeAddress>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in discriminator.Mapping)
        {
            if (Lookup(node, entry.Reference) is not { } target)
            {
                problems.Add($"the mapping of '{entry.Value}' does not resolve");
            }
            else if (!order.ContainsKey(target))
            {
                problems.Add($"'{entry.Value}' maps to a schema that is not one of the alternatives");
            }
            else
            {
                values.Add((entry.Value, target));
                named.Add(target);
                taken.Add(entry.Value);
            }
        }

        foreach (var target in targets.Distinct())
        {
            var name = ComponentName(target);
            if (!named.Contains(target))
            {
                if (name is null)
                {
                    problems.Add($"the alternative '{Describe(target)}' is named neither by the mapping nor by a component name");
                }
                else if (!taken.Add(name))
                {
                    problems.Add($"the value '{name}' would select two alternatives");
                }
                else
                {
                    values.Add((name, target));
                }
            }

            if (!DeclaresRequiredString(graph, target, discriminator.PropertyName))
            {
                problems.Add($"'{Describe(target)}' does not declare '{discriminator.PropertyName}' as a required string property");
            }
        }

        // Schema order: the values of the first alternative first.
        return new HierarchyPlan(discriminator.PropertyName, values.OrderBy(v => order[v.Target]).ToList());
    }

    /// <summary>The component key of an OpenAPI component's root schema (OpenAPI's implicit discriminator value), else null.</summary>
    private string? ComponentName(SchemaNodeAddress target)
    {
        var file = _byClass[target.SchemaClassName].Spec;
        var uri = file.RetrievalUri;
        var at = uri.LastIndexOf(ComponentsSegment, StringComparison.Ordinal);
        return target.NodeIndex == 0 && at >= 0 && OpenApiDocumentReader.IsOpenApiFile(file.FilePath)
            ? Uri.UnescapeDataString(uri.Substring(at + ComponentsSegment.Length))
            : null;
    }

    /// <summary>An alternative in a message: its component name, with the pointer for a schema inside one; else its file and pointer.</summary>
    private string Describe(SchemaNodeAddress target)
    {
        var pointer = Node(target)!.Pointer;
        var owner = ComponentName(new SchemaNodeAddress(target.SchemaClassName, 0)) ?? _byClass[target.SchemaClassName].Spec.FilePath;
        return pointer.Length == 0 ? owner : owner + "#" + pointer;
    }

    /// <summary>The schema, or for an allOf composition one of its parts, declares the property, and one of them requires it.</summary>
    private static bool DeclaresRequiredString(LinkedGraph graph, SchemaNodeAddress objectSchema, string propertyName)
    {
        var parts = ModelBuilder.ObjectParts(graph, objectSchema) ?? new List<SchemaNodeAddress> { objectSchema };
        var declaring = parts.FirstOrDefault(part => graph.Linked(part).Node.Properties.Any(p => p.Name == propertyName));
        if (declaring is null || !parts.Any(part => graph.Linked(part).Node.Required.Contains(propertyName)))
        {
            return false;
        }

        var property = graph.Linked(declaring).Node.Properties.First(p => p.Name == propertyName);
        var linked = graph.Linked(new SchemaNodeAddress(declaring.SchemaClassName, property.Node));
        for (var hops = 0; linked.Ref is { } target && ModelBuilder.IsOnlyReference(linked.Node) && hops < MaxPropertyReferences; hops++)
        {
            linked = graph.Linked(target);
        }

        var schema = linked.Node;
        return schema.Types == JsonTypes.String
            || (schema.Types == JsonTypes.None && (schema.Const is { Kind: LiteralKind.String }
                || (schema.HasEnum && schema.Enum.Count > 0 && schema.Enum.All(v => v.Kind == LiteralKind.String))));
    }

    /// <summary>
    /// Each closed hierarchy's schema also checks the discriminator value: a node with the known values as its enum, under
    /// "properties" of the oneOf/anyOf (in the allOf form, of one more allOf branch of the base), so an unknown value fails
    /// validation at the property, as it fails reading.
    /// </summary>
    private static EquatableArray<SchemaFileEmitSpec> WithDiscriminatorChecks(EquatableArray<SchemaFileEmitSpec> files, Dictionary<SchemaNodeAddress, HierarchyPlan> plans)
    {
        if (plans.Count == 0)
        {
            return files;
        }

        return files.Select(file =>
        {
            var nodes = file.Nodes.ToList();
            foreach (var plan in plans.Where(p => p.Key.SchemaClassName == file.ClassName).OrderBy(p => p.Key.NodeIndex))
            {
                var owner = nodes[plan.Key.NodeIndex];
                var check = new SchemaNodeSpec
                {
                    Index = nodes.Count,
                    Pointer = owner.Node.Pointer + "/discriminator",
                    ResourceUri = owner.Node.ResourceUri,
                    ResourcePointer = owner.Node.ResourcePointer + "/discriminator",
                    HasEnum = true,
                    Enum = plan.Value.Values.Select(v => LiteralSpec.String(v.Value)).ToEquatableArray(),
                };
                nodes.Add(new LinkedNodeSpec(check, null, null, null, EquatableArray<string>.Empty, false));
                var property = new NamedSubschema(plan.Value.PropertyName, check.Index);
                if (plan.Value.Inheritance)
                {
                    // The base of the allOf form has properties of its own, which its additionalProperties may close: the check is
                    // one more allOf branch of it, and it requires the property, as reading does.
                    var branch = check with
                    {
                        Index = nodes.Count, HasEnum = false, Enum = EquatableArray<LiteralSpec>.Empty,
                        Properties = new[] { property }.ToEquatableArray(), Required = new[] { plan.Value.PropertyName }.ToEquatableArray(),
                    };
                    nodes.Add(new LinkedNodeSpec(branch, null, null, null, EquatableArray<string>.Empty, false));
                    nodes[owner.Node.Index] = owner with { Node = owner.Node with { AllOf = owner.Node.AllOf.Append(branch.Index).ToEquatableArray() } };
                }
                else
                {
                    nodes[owner.Node.Index] = owner with { Node = owner.Node with { Properties = owner.Node.Properties.Append(property).ToEquatableArray() } };
                }
            }

            return file with { Nodes = nodes.ToEquatableArray() };
        }).ToEquatableArray();
    }
}
