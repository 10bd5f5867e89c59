using System;
using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Every schema file of the compilation with its references resolved: what the linker hands the model builder and
/// the validator planner. Immutable, so building types cannot change (or call back into) the linking that produced it.
/// It pairs each emit spec with the parse-time spec it came from, whose positions only diagnostics read.
/// </summary>
internal sealed class LinkedGraph
{
    private readonly Dictionary<string, (SchemaFileEmitSpec Emit, SchemaFileSpec Parsed)> _files;

    public LinkedGraph(IEnumerable<(SchemaFileEmitSpec Emit, SchemaFileSpec Parsed)> files)
        => _files = files.ToDictionary(file => file.Emit.ClassName, StringComparer.Ordinal);

    /// <summary>The node at <paramref name="address"/> and where its references lead.</summary>
    public LinkedNodeSpec Linked(SchemaNodeAddress address) => _files[address.SchemaClassName].Emit.Nodes[address.NodeIndex];

    /// <summary>Where the node at <paramref name="address"/> stands in its file, for a diagnostic about it.</summary>
    public LocationInfo Location(SchemaNodeAddress address) => _files[address.SchemaClassName].Parsed.Location(address.NodeIndex);

    /// <summary>Where the "discriminator" of the node at <paramref name="address"/> stands, else the node.</summary>
    public LocationInfo DiscriminatorLocation(SchemaNodeAddress address) => Positions(address)?.Discriminator ?? Location(address);

    /// <summary>Where the node's "title" value stands, else the node.</summary>
    public LocationInfo TitleLocation(SchemaNodeAddress address) => Positions(address)?.Title ?? Location(address);

    /// <summary>Where the node's "enum" keyword stands, else the node.</summary>
    public LocationInfo EnumLocation(SchemaNodeAddress address) => Positions(address)?.Enum ?? Location(address);

    private NodePositions? Positions(SchemaNodeAddress address)
    {
        var positions = _files[address.SchemaClassName].Parsed.Positions;
        return address.NodeIndex < positions.Count ? positions[address.NodeIndex] : null;
    }
}
