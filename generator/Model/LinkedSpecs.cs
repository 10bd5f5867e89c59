using WooshPay.Contracts.Generator.Diagnostics;

namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// A schema file ready to emit, the emit spec: its class name (decided by the linker), its nodes with every reference
/// resolved to a node address, patterns translated and literal values decoded. No text positions: an edit that only
/// moves text leaves it equal, so the driver does not regenerate the class.
/// </summary>
internal sealed record SchemaFileEmitSpec(
    string ClassName,
    string FilePath,
    string? Title,
    string? Description,
    EquatableArray<LinkedNodeSpec> Nodes);

/// <summary>A node, where its $ref / $dynamicRef lead, and its ECMA-262 patterns translated to .NET syntax.</summary>
/// <param name="Pattern">The "pattern" keyword in .NET syntax; null without one.</param>
/// <param name="PatternProperties">The "patternProperties" patterns in .NET syntax, in the node's order.</param>
/// <param name="ChecksStringsOnly">A propertyNames schema that can check a name as a plain string (<see cref="Keywords.ChecksStringsOnly"/>).</param>
internal sealed record LinkedNodeSpec(SchemaNodeSpec Node, SchemaNodeAddress? Ref, DynamicRefSpec? DynamicRef, string? Pattern, EquatableArray<string> PatternProperties, bool ChecksStringsOnly)
{
    /// <summary>The enum has too many strings for one constructor call each: they are written as one array of literals.</summary>
    public bool EnumStringsAsArray { get; init; }
}

/// <summary>
/// A $dynamicRef: its static target, the anchor name, and every resource in the compilation that
/// declares that $dynamicAnchor (the validator picks the outermost one in the dynamic scope).
/// </summary>
internal sealed record DynamicRefSpec(SchemaNodeAddress Target, string AnchorName, EquatableArray<DynamicAnchorCandidate> Candidates);

internal sealed record DynamicAnchorCandidate(string ResourceUri, SchemaNodeAddress Node);

/// <summary>What the linker produces from all schema files of a compilation.</summary>
internal sealed record LinkResult(
    EquatableArray<SchemaFileEmitSpec> SchemaFiles,
    EquatableArray<ModelTypeSpec> Models,
    EquatableArray<EnumTypeSpec> Enums,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Per schema file, the compiled validator's plan (see Linking/ValidatorPlanner.cs).</summary>
    public EquatableArray<CompiledFileSpec> CompiledValidators { get; init; } = EquatableArray<CompiledFileSpec>.Empty;

    /// <summary>The optional parts of the support code the emitted sources use.</summary>
    public SupportParts Support { get; init; }
}
