using System.Collections.Generic;

namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// The compiled validator of one schema file: one check per node, or none when some node reachable
/// from the root needs the interpreter (the file then validates as before).
/// </summary>
internal sealed record CompiledFileSpec(string ClassName, EquatableArray<CompiledNodeSpec> Nodes)
{
    public bool IsCompiled => !Nodes.IsEmpty;
}

/// <summary>
/// The checks of one schema node, as the compiled validator makes them over a <c>Utf8JsonReader</c>.
/// Subschemas are node addresses (a file's class and node index): each becomes a direct method call.
/// Bounds are C# literals (long for an integer a long holds, decimal otherwise), multipleOf a decimal literal; enum
/// and const values are <see cref="LiteralSpec"/>s.
/// </summary>
internal sealed record CompiledNodeSpec(int Index, string Pointer)
{
    public bool? BooleanValue { get; init; }
    public JsonTypes Types { get; init; }

    /// <summary>One entry per enum or const keyword: the value must be one of the entry's values.</summary>
    public EquatableArray<CompiledValueSet> ValueSets { get; init; } = EquatableArray<CompiledValueSet>.Empty;

    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    public string? ExclusiveMinimum { get; init; }
    public string? ExclusiveMaximum { get; init; }
    public string? MultipleOf { get; init; }

    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }

    /// <summary>The node has a pattern; unless <see cref="SimplePattern"/> says how to match it in a loop, the compiled check uses the interpreter graph's cached Regex.</summary>
    public bool HasPattern { get; init; }

    /// <summary>The pattern as a loop over UTF-8 bytes, when it is simple enough (see <c>Linking/SimplePatterns</c>).</summary>
    public PatternSpec? SimplePattern { get; init; }
    public string? Format { get; init; }

    /// <summary>Declared properties; property i owns bit i of the presence mask.</summary>
    public EquatableArray<CompiledProperty> Properties { get; init; } = EquatableArray<CompiledProperty>.Empty;

    /// <summary>Required names no property declares; they own the bits after the properties'.</summary>
    public EquatableArray<string> RequiredNames { get; init; } = EquatableArray<string>.Empty;
    public ulong RequiredMask { get; init; }

    /// <summary>The required names in the schema's order: the order of their errors.</summary>
    public EquatableArray<string> Required { get; init; } = EquatableArray<string>.Empty;
    public EquatableArray<SchemaNodeAddress> PatternProperties { get; init; } = EquatableArray<SchemaNodeAddress>.Empty;
    public SchemaNodeAddress? AdditionalProperties { get; init; }
    public SchemaNodeAddress? PropertyNames { get; init; }

    /// <summary>The propertyNames node has a <see cref="SimplePattern"/>: an unescaped name's errors are collected with its verdict, not the Regex's.</summary>
    public bool PropertyNamesMatchOnBytes { get; init; }

    /// <summary>
    /// The tracked names (bit i for the i-th of <see cref="Properties"/> then <see cref="RequiredNames"/>) that a
    /// propertyNames node made of a simple pattern alone accepts, decided at generation time: the fast pass checks only
    /// the other names.
    /// </summary>
    public ulong PropertyNamesAccepted { get; init; }

    /// <summary>additionalProperties is false and no patternProperties: every undeclared name fails.</summary>
    public bool RejectsUndeclared { get; init; }
    public long? MinProperties { get; init; }
    public long? MaxProperties { get; init; }

    public EquatableArray<SchemaNodeAddress> PrefixItems { get; init; } = EquatableArray<SchemaNodeAddress>.Empty;
    public SchemaNodeAddress? Items { get; init; }
    public SchemaNodeAddress? Contains { get; init; }
    public long? MinContains { get; init; }
    public long? MaxContains { get; init; }
    public long? MinItems { get; init; }
    public long? MaxItems { get; init; }
    public bool UniqueItems { get; init; }

    public SchemaNodeAddress? Ref { get; init; }
    public EquatableArray<SchemaNodeAddress> AllOf { get; init; } = EquatableArray<SchemaNodeAddress>.Empty;
    public bool HasAnyOf { get; init; }

    /// <summary>anyOf branches that only test the type (the nullable idiom), folded into one token test.</summary>
    public JsonTypes AnyOfTypes { get; init; }

    /// <summary>The other anyOf branches.</summary>
    public EquatableArray<SchemaNodeAddress> AnyOf { get; init; } = EquatableArray<SchemaNodeAddress>.Empty;

    /// <summary>Every anyOf branch in the schema's order, as the error list reports them.</summary>
    public EquatableArray<SchemaNodeAddress> AnyOfBranches { get; init; } = EquatableArray<SchemaNodeAddress>.Empty;
    public EquatableArray<SchemaNodeAddress> OneOf { get; init; } = EquatableArray<SchemaNodeAddress>.Empty;
    public SchemaNodeAddress? Not { get; init; }
    public SchemaNodeAddress? If { get; init; }
    public SchemaNodeAddress? Then { get; init; }
    public SchemaNodeAddress? Else { get; init; }

    /// <summary>
    /// If, Then and Else as checks of this object's members, when each only names members this node declares: the check
    /// then makes them inside its member loop, instead of reading the whole value again once per branch.
    /// </summary>
    public MemberCondition? MemberCondition { get; init; }

    /// <summary>
    /// Set on a product check (see <c>ValidatorPlanner.FuseConditions</c>): the node whose checks it makes, and whose
    /// interpreter node holds its patterns. A product has no collector: the collectors take conditions the plain way.
    /// </summary>
    public SchemaNodeAddress? Graph { get; init; }

    /// <summary>A product's soft checks: values that must match, and presence bits that must be set, or the context's SoftFailed is set.</summary>
    public EquatableArray<CompiledValueSet> SoftValueSets { get; init; } = EquatableArray<CompiledValueSet>.Empty;
    public ulong SoftRequiredMask { get; init; }

    public bool ChecksObject => !Properties.IsEmpty || !RequiredNames.IsEmpty || RequiredMask != 0 || !PatternProperties.IsEmpty
        || AdditionalProperties != null || PropertyNames != null || MinProperties != null || MaxProperties != null;

    public bool ChecksArray => !PrefixItems.IsEmpty || Items != null || Contains != null || MinItems != null || MaxItems != null || UniqueItems;

    public bool ChecksString => MinLength != null || MaxLength != null || HasPattern || Format != null;

    public bool ChecksNumber => Minimum != null || Maximum != null || ExclusiveMinimum != null || ExclusiveMaximum != null || MultipleOf != null;

    /// <summary>Only a $ref: the node's check is its target's.</summary>
    public bool IsBareRef => Ref != null && this with { Ref = null } == new CompiledNodeSpec(Index, Pointer);

    /// <summary>
    /// Every node this node's checks call, but the products its member loop calls for fused Then members (their own
    /// callees are callees of the nodes they fuse).
    /// </summary>
    public IEnumerable<SchemaNodeAddress> Callees()
    {
        foreach (var property in Properties)
        {
            yield return property.Schema;
        }

        foreach (var list in new[] { PatternProperties, PrefixItems, AllOf, AnyOf, OneOf })
        {
            foreach (var callee in list)
            {
                yield return callee;
            }
        }

        foreach (var callee in new[] { AdditionalProperties, PropertyNames, Items, Contains, Ref, Not, If, Then, Else })
        {
            if (callee != null)
            {
                yield return callee;
            }
        }
    }
}

/// <summary>An if/then/else whose three schemas are members-only (<see cref="MemberBranch"/>); Then and Else may be absent.</summary>
internal sealed record MemberCondition(MemberBranch If, MemberBranch? Then, MemberBranch? Else);

/// <summary>
/// A schema with only properties and required, over names of the object that owns it: the subschema each member's value
/// must satisfy (by the member's index among the owner's properties), and the presence bits it requires. Such a schema
/// accepts every value that is not an object.
/// </summary>
internal sealed record MemberBranch(EquatableArray<MemberCheck> Members, ulong RequiredMask);

/// <summary>One member of a <see cref="MemberBranch"/>: the owner's property index and the branch's subschema for it.</summary>
internal sealed record MemberCheck(int Member, SchemaNodeAddress Schema)
{
    /// <summary>
    /// The product check that reads the member once for the owner's schema and, softly, for this branch's; null when the
    /// branch's schema is checked on a copy.
    /// </summary>
    public SchemaNodeAddress? Fused { get; init; }
}

/// <summary>The values of one enum or const keyword.</summary>
/// <param name="Literals">The values compared one by one.</param>
/// <param name="Strings">
/// The strings of a set too large to compare one by one, found by a binary search in a table sorted when the class is
/// first used; empty otherwise (the strings are then among <paramref name="Literals"/>).
/// </param>
internal sealed record CompiledValueSet(EquatableArray<LiteralSpec> Literals, EquatableArray<string> Strings);

/// <summary>A declared property: its name (matched as UTF-8) and its schema.</summary>
internal sealed record CompiledProperty(string Name, SchemaNodeAddress Schema);

/// <summary>
/// An anchored ECMA-262 pattern (<see cref="Source"/>) as the sequences of steps it accepts; text matches when it is
/// exactly one of the sequences.
/// </summary>
internal sealed record PatternSpec(string Source, EquatableArray<EquatableArray<PatternStep>> Alternatives);

/// <summary>
/// Between <see cref="Min"/> and <see cref="Max"/> ASCII characters of a class: <see cref="Ranges"/> holds inclusive
/// ranges as character pairs ("az09__" is [a-z0-9_]).
/// </summary>
internal sealed record PatternStep(string Ranges, int Min, int Max)
{
    public const int Unbounded = int.MaxValue;
}
