using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Runtime;

namespace WooshPay.Contracts.Tool.Contracts;

/// <summary>
/// Fills the validator's <see cref="SchemaNode"/>s from linked specs, field for field as the generator's SchemaEmitter
/// writes them into generated code, so the tool and the generated validators run one interpreter on one graph.
/// </summary>
internal static class NodeGraph
{
    public static void Fill(SchemaNode[] n, LinkedNodeSpec linked, Func<SchemaNodeAddress, SchemaNode> resolve)
    {
        var spec = linked.Node;
        var node = n[spec.Index];
        node.BooleanValue = spec.BooleanValue;
        node.Types = (SchemaTypes)(int)spec.Types;
        node.Enum = spec.HasEnum ? spec.Enum.Select(Literal).ToArray() : null;
        node.Const = spec.Const is null ? null : Literal(spec.Const);
        node.Minimum = Number(spec.Minimum);
        node.Maximum = Number(spec.Maximum);
        node.ExclusiveMinimum = Number(spec.ExclusiveMinimum);
        node.ExclusiveMaximum = Number(spec.ExclusiveMaximum);
        node.MultipleOf = Number(spec.MultipleOf);
        node.MinLength = spec.MinLength;
        node.MaxLength = spec.MaxLength;
        node.MinItems = spec.MinItems;
        node.MaxItems = spec.MaxItems;
        node.MinProperties = spec.MinProperties;
        node.MaxProperties = spec.MaxProperties;
        node.MinContains = spec.MinContains;
        node.MaxContains = spec.MaxContains;
        if (spec.Pattern != null)
        {
            // The linker has already translated the ECMA-262 patterns, as it does for the emitter.
            node.Pattern = SchemaNode.Regex(linked.Pattern!);
            node.PatternSource = spec.Pattern;
        }

        node.Format = spec.Format;
        node.UniqueItems = spec.UniqueItems;
        node.Sensitive = spec.Sensitive;
        node.ChecksStringsOnly = linked.ChecksStringsOnly;
        node.Required = spec.Required.IsEmpty ? null : spec.Required.ToArray();
        node.DependentRequired = spec.DependentRequired.IsEmpty ? null : spec.DependentRequired.Select(d => (d.Property, d.Required.ToArray())).ToArray();
        node.Properties = Named(n, spec.Properties);
        node.DependentSchemas = Named(n, spec.DependentSchemas);
        node.PatternProperties = spec.PatternProperties.IsEmpty ? null
            : spec.PatternProperties.Select((p, i) => (p.Name, SchemaNode.Regex(linked.PatternProperties[i]), n[p.Node])).ToArray();
        node.AdditionalProperties = Single(n, spec.AdditionalProperties);
        node.PropertyNames = Single(n, spec.PropertyNames);
        node.UnevaluatedProperties = Single(n, spec.UnevaluatedProperties);
        node.Items = Single(n, spec.Items);
        node.Contains = Single(n, spec.Contains);
        node.UnevaluatedItems = Single(n, spec.UnevaluatedItems);
        node.Not = Single(n, spec.Not);
        node.If = Single(n, spec.If);
        node.Then = Single(n, spec.Then);
        node.Else = Single(n, spec.Else);
        node.PrefixItems = List(n, spec.PrefixItems);
        node.AllOf = List(n, spec.AllOf);
        node.AnyOf = List(n, spec.AnyOf);
        node.OneOf = List(n, spec.OneOf);
        node.DynamicAnchor = spec.DynamicAnchor;
        if (linked.Ref is { } target)
        {
            node.SetRef(() => resolve(target));
        }

        if (linked.DynamicRef is { } dynamic)
        {
            node.SetDynamicRef(() => resolve(dynamic.Target));
            node.DynamicRefAnchor = dynamic.AnchorName;
            if (!dynamic.Candidates.IsEmpty)
            {
                node.SetDynamicRefCandidates(() => dynamic.Candidates.GroupBy(c => c.ResourceUri).ToDictionary(g => g.Key, g => resolve(g.First().Node)));
            }
        }
    }

    /// <summary>The linker's decoded value as the runtime literal, as SchemaEmitter constructs it in generated code.</summary>
    private static SchemaLiteral Literal(LiteralSpec literal) => literal.Kind switch
    {
        LiteralKind.String => SchemaLiteral.String(literal.Text),
        LiteralKind.Number => SchemaLiteral.Number(literal.Text),
        LiteralKind.True => SchemaLiteral.True,
        LiteralKind.False => SchemaLiteral.False,
        LiteralKind.Array => SchemaLiteral.Array(literal.Items.Select(Literal).ToArray()),
        LiteralKind.Object => SchemaLiteral.Object(literal.Names.ToArray(), literal.Items.Select(Literal).ToArray()),
        _ => SchemaLiteral.Null,
    };

    private static SchemaNumber? Number(string? text) => text is null ? null : new SchemaNumber(text);

    private static SchemaNode? Single(SchemaNode[] n, int? index) => index is int i ? n[i] : null;

    private static SchemaNode[]? List(SchemaNode[] n, EquatableArray<int> indices) => indices.IsEmpty ? null : indices.Select(i => n[i]).ToArray();

    private static (string, SchemaNode)[]? Named(SchemaNode[] n, EquatableArray<NamedSubschema> entries)
        => entries.IsEmpty ? null : entries.Select(e => (e.Name, n[e.Node])).ToArray();
}
