using System.Collections.Generic;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// allOf composition. An allOf (or anyOf, or oneOf) of one schema and nothing else (OpenAPI 3.0's way to annotate a
/// reference) has that schema's type. An allOf of object schemas (references to components, inline objects, the node's own
/// properties) is one class with the properties of every part, flattened in schema order (the allOf branches first, then
/// the node's own); a part that is no plain object schema (a type other than object, an enum, a oneOf/anyOf) leaves the
/// value a JsonElement. Validation is not affected: the validator checks every part as JSON Schema does.
/// </summary>
internal sealed partial class ModelBuilder
{
    /// <summary>
    /// How many schemas a composition's parts are looked for in before it is left as a JsonElement. Real compositions have a
    /// handful; the bound keeps a hostile chain (each part composing the next) from giving every class of it every property.
    /// </summary>
    private const int MaxCompositionParts = 64;

    private readonly Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>?> _parts = new();

    /// <summary>
    /// For {"allOf": [X]}, {"anyOf": [X]} or {"oneOf": [X]} with nothing else that shapes the value, the wrappers OpenAPI 3.0
    /// documents annotate a reference with (Stripe writes anyOf, NSwag and this toolkit's 3.0 export allOf): the address of X.
    /// A "type": "object" beside it changes nothing, except at a file's root: there it makes a class of its own, as OpenAPI
    /// documents write a component that derives from X and adds no property.
    /// </summary>
    internal static SchemaNodeAddress? SoleBranch(LinkedNodeSpec linked, SchemaNodeAddress address)
    {
        var node = linked.Node;
        var shaped = node.Types != JsonTypes.None && !(node.Types == JsonTypes.Object && address.NodeIndex != 0);
        if (linked.Ref is not null || node.BooleanValue is not null || shaped || node.Properties.Count > 0 || node.HasEnum
            || node.AllOf.Count + node.AnyOf.Count + node.OneOf.Count != 1)
        {
            return null;
        }

        var branch = node.AllOf.Count == 1 ? node.AllOf[0] : node.AnyOf.Count == 1 ? node.AnyOf[0] : node.OneOf[0];
        return new SchemaNodeAddress(address.SchemaClassName, branch);
    }

    /// <summary>
    /// The object schemas whose properties a class for <paramref name="address"/> has, in order: the parts of each allOf
    /// branch (a branch is followed through its $ref and its own allOf), then the node itself. Just the node when it has no
    /// allOf; null when a part is no plain object schema, or the parts are too many.
    /// </summary>
    internal static List<SchemaNodeAddress>? ObjectParts(LinkedGraph graph, SchemaNodeAddress address)
    {
        var parts = new List<SchemaNodeAddress>();
        var visited = new HashSet<SchemaNodeAddress> { address };
        var root = graph.Linked(address).Node;
        foreach (var branch in root.AllOf)
        {
            if (!AddParts(graph, new SchemaNodeAddress(address.SchemaClassName, branch), parts, visited))
            {
                return null;
            }
        }

        parts.Add(address);
        return parts;
    }

    private static bool AddParts(LinkedGraph graph, SchemaNodeAddress address, List<SchemaNodeAddress> parts, HashSet<SchemaNodeAddress> visited)
    {
        if (!visited.Add(address))
        {
            // Reached twice (a diamond, or a cycle): its properties are in already.
            return true;
        }

        var linked = graph.Linked(address);
        var node = linked.Node;
        // The parts are added on the way back: the schemas visited bound the depth of this walk, not the parts.
        if (visited.Count > MaxCompositionParts || node.BooleanValue is not null || (node.Types & ~JsonTypes.Object) != JsonTypes.None
            || node.HasEnum || node.Const is not null || !node.AnyOf.IsEmpty || !node.OneOf.IsEmpty)
        {
            return false;
        }

        if (linked.Ref is { } target && !AddParts(graph, target, parts, visited))
        {
            return false;
        }

        foreach (var branch in node.AllOf)
        {
            if (!AddParts(graph, new SchemaNodeAddress(address.SchemaClassName, branch), parts, visited))
            {
                return false;
            }
        }

        parts.Add(address);
        return true;
    }

    /// <summary>The object parts of the node at <paramref name="address"/> (see <see cref="ObjectParts"/>), walked once per node.</summary>
    private List<SchemaNodeAddress>? PartsOf(SchemaNodeAddress address)
    {
        if (!_parts.TryGetValue(address, out var parts))
        {
            _parts[address] = parts = ObjectParts(_graph, address);
        }

        return parts;
    }

    /// <summary>An allOf whose parts are all object schemas and declare at least one property: it becomes a class.</summary>
    private bool IsObjectComposition(SchemaNodeSpec node, SchemaNodeAddress address)
    {
        if (node.AllOf.IsEmpty || PartsOf(address) is not { } parts)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (_graph.Linked(part).Node.Properties.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
