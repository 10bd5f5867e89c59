namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// One schema (object or boolean) of a schema file, as read by the parser. Subschemas are
/// referred to by their index in <see cref="SchemaFileSpec.Nodes"/>; references ($ref,
/// $dynamicRef) are kept as written and resolved by the linker, which sees every file.
/// It holds no text positions: those are parse-time data (<see cref="SchemaFileSpec.Positions"/>), so the
/// node can go unchanged into the emit spec and an edit that only moves text leaves it equal.
/// </summary>
internal sealed record SchemaNodeSpec
{
    public required int Index { get; init; }

    /// <summary>Where the node stands in its file, as an RFC 6901 pointer ("" for the root).</summary>
    public required string Pointer { get; init; }

    /// <summary>The absolute URI of the schema resource this node belongs to.</summary>
    public required string ResourceUri { get; init; }

    /// <summary>This node's own pointer relative to its resource root (used for keyword locations).</summary>
    public required string ResourcePointer { get; init; }

    /// <summary>True or false for a boolean schema; null for an object schema.</summary>
    public bool? BooleanValue { get; init; }

    /// <summary>Set for nodes inside a keyword the generator does not know: addressable by pointer only.</summary>
    public bool InsideUnknownKeyword { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Anchor { get; init; }
    public string? DynamicAnchor { get; init; }

    public JsonTypes Types { get; init; }

    /// <summary>Allowed values, decoded; <see cref="HasEnum"/> tells an empty enum from none.</summary>
    public EquatableArray<LiteralSpec> Enum { get; init; } = EquatableArray<LiteralSpec>.Empty;
    public bool HasEnum { get; init; }
    public LiteralSpec? Const { get; init; }

    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    public string? ExclusiveMinimum { get; init; }
    public string? ExclusiveMaximum { get; init; }
    public string? MultipleOf { get; init; }

    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public string? Format { get; init; }

    public EquatableArray<NamedSubschema> Properties { get; init; } = EquatableArray<NamedSubschema>.Empty;
    public EquatableArray<NamedSubschema> PatternProperties { get; init; } = EquatableArray<NamedSubschema>.Empty;
    public int? AdditionalProperties { get; init; }
    public int? PropertyNames { get; init; }
    public EquatableArray<string> Required { get; init; } = EquatableArray<string>.Empty;
    public EquatableArray<DependentRequirement> DependentRequired { get; init; } = EquatableArray<DependentRequirement>.Empty;
    public EquatableArray<NamedSubschema> DependentSchemas { get; init; } = EquatableArray<NamedSubschema>.Empty;
    public long? MinProperties { get; init; }
    public long? MaxProperties { get; init; }
    public int? UnevaluatedProperties { get; init; }

    public EquatableArray<int> PrefixItems { get; init; } = EquatableArray<int>.Empty;
    public int? Items { get; init; }
    public int? Contains { get; init; }
    public long? MinContains { get; init; }
    public long? MaxContains { get; init; }
    public long? MinItems { get; init; }
    public long? MaxItems { get; init; }
    public bool UniqueItems { get; init; }

    /// <summary>"x-sensitive": true: the value under this schema is a credential and never appears in a message.</summary>
    public bool Sensitive { get; init; }
    public int? UnevaluatedItems { get; init; }

    public EquatableArray<int> AllOf { get; init; } = EquatableArray<int>.Empty;
    public EquatableArray<int> AnyOf { get; init; } = EquatableArray<int>.Empty;
    public EquatableArray<int> OneOf { get; init; } = EquatableArray<int>.Empty;
    public int? Not { get; init; }
    public int? If { get; init; }
    public int? Then { get; init; }
    public int? Else { get; init; }

    /// <summary>The $ref as written (its position is <see cref="NodePositions.Ref"/>).</summary>
    public string? Ref { get; init; }
    public string? DynamicRef { get; init; }

    /// <summary>
    /// A $schema other than the 2020-12 meta-schema, resolved to an absolute URI: the linker looks for that meta-schema
    /// among the compilation's files and applies its $vocabulary, or reports WPC009.
    /// </summary>
    public string? Dialect { get; init; }

    /// <summary>The vocabulary URIs this node's $vocabulary lists (a meta-schema's), or null without one.</summary>
    public EquatableArray<string>? Vocabularies { get; init; }

    /// <summary>The $defs entries (name and node), which the model builder turns into named types.</summary>
    public EquatableArray<NamedSubschema> Defs { get; init; } = EquatableArray<NamedSubschema>.Empty;

    /// <summary>An OpenAPI "discriminator" (read in OpenAPI components only; its position is <see cref="NodePositions.Discriminator"/>).</summary>
    public DiscriminatorSpec? Discriminator { get; init; }
}

/// <summary>
/// An OpenAPI discriminator: the property whose string value names the alternative, and the explicit mapping from values
/// to schema references (absolute, as the OpenAPI reader rewrote them). The linker decides whether it makes a closed hierarchy.
/// </summary>
internal sealed record DiscriminatorSpec(string PropertyName, EquatableArray<DiscriminatorMapping> Mapping);

/// <summary>One "mapping" entry: the value <paramref name="Value"/> selects the schema <paramref name="Reference"/> leads to.</summary>
internal sealed record DiscriminatorMapping(string Value, string Reference);

/// <summary>A subschema reached through a name: a property, a pattern, a $defs entry.</summary>
internal sealed record NamedSubschema(string Name, int Node);

/// <summary>One entry of dependentRequired: when <paramref name="Property"/> is present, these must be too.</summary>
internal sealed record DependentRequirement(string Property, EquatableArray<string> Required);

/// <summary>
/// The JSON types a "type" keyword allows; None means the keyword is absent. Mirrors SchemaTypes in
/// Runtime/SchemaNode.cs, the emitted side of the boundary: the emitter writes these member names there.
/// </summary>
[System.Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}

/// <summary>
/// A parsed schema file, the parse-time spec: its nodes (index 0 is the root), where each stands in the text, and
/// what the parser had to say. The linker reads it and hands the emitters a <see cref="SchemaFileEmitSpec"/>, which has no positions.
/// </summary>
/// <param name="Positions">Per node (same index as <paramref name="Nodes"/>), its places in the file, for diagnostics.</param>
internal sealed record SchemaFileSpec(
    string FilePath,
    string RetrievalUri,
    SchemaFileOptions Options,
    EquatableArray<SchemaNodeSpec> Nodes,
    EquatableArray<NodePositions> Positions,
    EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics)
{
    /// <summary>Where node <paramref name="index"/> stands; the file itself for a file without nodes.</summary>
    public LocationInfo Location(int index) => index < Positions.Count ? Positions[index].Node : new LocationInfo(FilePath, default, default);
}

/// <summary>Where one node, and the keyword values diagnostics point at, stand in its file.</summary>
/// <param name="Ref">The value of "$ref", if any.</param>
/// <param name="DynamicRef">The value of "$dynamicRef", if any.</param>
/// <param name="Dialect">The value of a "$schema" the linker has to look up (<see cref="SchemaNodeSpec.Dialect"/>).</param>
internal sealed record NodePositions(LocationInfo Node, LocationInfo? Ref, LocationInfo? DynamicRef, LocationInfo? Dialect)
{
    /// <summary>The name of the "discriminator" member, if any (<see cref="SchemaNodeSpec.Discriminator"/>).</summary>
    public LocationInfo? Discriminator { get; init; }

    /// <summary>The value of "title", which may name a type (WPC021, WPC022 point there).</summary>
    public LocationInfo? Title { get; init; }

    /// <summary>The "enum" keyword, where a value's constant is reported (WPC020, WPC021).</summary>
    public LocationInfo? Enum { get; init; }
}

/// <summary>Per-file settings read from MSBuild item metadata.</summary>
/// <param name="GenerateModels">False for a validation-only schema: no classes or enums, just the validator.</param>
/// <param name="TypeName">Overrides the root type name (and so the validator class, {TypeName}Schema).</param>
internal sealed record SchemaFileOptions(bool GenerateModels, string? TypeName);
