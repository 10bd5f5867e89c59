using System;
using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing.OpenApi;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// A oneOf/anyOf whose OpenAPI discriminator names every alternative: the values that select each one, in schema order
/// (an alternative may have several values). The model builder makes it a closed class hierarchy.
/// </summary>
internal sealed record HierarchyPlan(string PropertyName, IReadOnlyList<(string Value, SchemaNodeAddress Target)> Values);

/// <summary>
/// OpenAPI discriminators. One makes a closed hierarchy when the schema is a oneOf/anyOf of references only, every
/// alternative is named (by the mapping, else by its component name, OpenAPI's implicit mapping), every mapping value leads
/// to one of the alternatives, and every alternative declares the property as a required string. Anything less is a
/// WPC037 at the discriminator, and the value keeps the shape it has without one.
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

        foreach (var file in _files)
        {
            foreach (var node in file.Spec.Nodes)
            {
                if (node.Discriminator is not { } discriminator || node.InsideUnknownKeyword)
                {
                    continue;
                }

                var location = file.Spec.Positions[node.Index].Discriminator ?? file.Spec.Location(node.Index);
                if (node.OneOf.IsEmpty && node.AnyOf.IsEmpty)
                {
                    Report(DiagnosticInfo.Create(DiagnosticDescriptors.InheritanceDiscriminator, location, discriminator.PropertyName));
                    continue;
                }

                var problems = new List<string>();
                var plan = PlanHierarchy(graph, new SchemaNodeAddress(file.ClassName, node.Index), discriminator, problems);
                if (problems.Count > 0)
                {
                    Report(DiagnosticInfo.Create(DiagnosticDescriptors.IncompleteDiscriminator, location, discriminator.PropertyName, string.Join("; ", problems)));
                }
                else
                {
                    plans[new SchemaNodeAddress(file.ClassName, node.Index)] = plan;
                }
            }
        }

        return plans;
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

        var values = new List<(string Value, SchemaNodeAddress Target)>();
        foreach (var entry in discriminator.Mapping)
        {
            if (Lookup(node, entry.Reference) is not { } target)
            {
                problems.Add($"the mapping of '{entry.Value}' does not resolve");
            }
            else if (!targets.Contains(target))
            {
                problems.Add($"'{entry.Value}' maps to a schema that is not one of the alternatives");
            }
            else
            {
                values.Add((entry.Value, target));
            }
        }

        foreach (var target in targets.Distinct())
        {
            var name = ComponentName(target);
            if (!values.Any(v => v.Target == target))
            {
                if (name is null)
                {
                    problems.Add($"the alternative '{Describe(target)}' is named neither by the mapping nor by a component name");
                }
                else if (values.Any(v => v.Value == name))
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
        return new HierarchyPlan(discriminator.PropertyName, values.OrderBy(v => targets.IndexOf(v.Target)).ToList());
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

    private static bool DeclaresRequiredString(LinkedGraph graph, SchemaNodeAddress objectSchema, string propertyName)
    {
        var node = graph.Linked(objectSchema).Node;
        var property = node.Properties.FirstOrDefault(p => p.Name == propertyName);
        if (property is null || !node.Required.Contains(propertyName))
        {
            return false;
        }

        var linked = graph.Linked(new SchemaNodeAddress(objectSchema.SchemaClassName, property.Node));
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
    /// "properties" of the oneOf/anyOf, so an unknown value fails validation at the property, as it fails reading.
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
                nodes[owner.Node.Index] = owner with
                {
                    Node = owner.Node with { Properties = owner.Node.Properties.Append(new NamedSubschema(plan.Value.PropertyName, check.Index)).ToEquatableArray() },
                };
            }

            return file with { Nodes = nodes.ToEquatableArray() };
        }).ToEquatableArray();
    }
}
