using System;
using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Every schema file of the compilation with its references resolved: what the linker hands the model builder.
/// Immutable, so building types cannot change (or call back into) the linking that produced it.
/// </summary>
internal sealed class LinkedGraph
{
    private readonly Dictionary<string, SchemaFileEmitSpec> _files;

    public LinkedGraph(IEnumerable<SchemaFileEmitSpec> files)
        => _files = files.ToDictionary(file => file.ClassName, StringComparer.Ordinal);

    /// <summary>The node at <paramref name="address"/> and where its references lead.</summary>
    public LinkedNodeSpec Linked(SchemaNodeAddress address) => _files[address.SchemaClassName].Nodes[address.NodeIndex];
}
