namespace WooshPay.Contracts.Generator.Model;

/// <summary>The settings that shape emitted code, read from MSBuild properties.</summary>
internal sealed record EmitOptions(
    string Namespace,
    bool PublicTypes,
    bool Strict,
    bool AssertFormats,
    string ToolVersion);

/// <summary>A class generated for an object schema, or the abstract base of a closed hierarchy (<see cref="Alternatives"/>).</summary>
internal sealed record ModelTypeSpec(
    string Name,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    bool AllowsAdditionalProperties,
    SchemaNodeAddress Schema)
{
    /// <summary>
    /// Set for the base of a closed hierarchy (an OpenAPI discriminator with a complete mapping): the classes deriving from it
    /// and the discriminator values that select each. Such a type's properties are the ones every alternative has alike,
    /// declared abstract.
    /// </summary>
    public UnionSpec? Alternatives { get; init; }

    /// <summary>The closed hierarchy this class is one alternative of, or null.</summary>
    public string? BaseType { get; init; }
}

/// <summary>One property of a generated class.</summary>
/// <param name="JsonName">The name on the wire.</param>
/// <param name="ClrName">The C# property name (unique within the class).</param>
/// <param name="Required">Listed in the schema's "required": must be present.</param>
/// <param name="Nullable">The schema allows JSON null. Independent of <paramref name="Required"/>.</param>
internal sealed record PropertySpec(
    string JsonName,
    string ClrName,
    TypeRefSpec Type,
    bool Required,
    bool Nullable,
    string? Description)
{
    /// <summary>The backing field of an optional property (null for a required one).</summary>
    public string? FieldName { get; init; }

    /// <summary>The field that records whether an optional property was set (null for a required one).</summary>
    public string? HasFieldName { get; init; }

    /// <summary>"x-sensitive" on the property or the schema it references: its value never appears in a Parse exception.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Every alternative of this class's hierarchy has the property alike: the base declares it abstract, this class overrides it.</summary>
    public bool Overrides { get; init; }
}

/// <summary>An extensible string enum: named constants for the known values, any other value kept.</summary>
/// <param name="Members">The named constants: every value, or the first ones of a very large enum.</param>
/// <param name="Values">Every known value, in schema order.</param>
/// <param name="LookupTable">Too many values for a switch: IsKnown searches a sorted array of them.</param>
internal sealed record EnumTypeSpec(
    string Name,
    string? Description,
    EquatableArray<EnumMemberSpec> Members,
    EquatableArray<string> Values,
    bool LookupTable,
    SchemaNodeAddress Schema);

/// <summary>One known value of an enum and the constant that names it.</summary>
internal sealed record EnumMemberSpec(string Identifier, string Value);

/// <summary>The C# type of a property or an array/map element.</summary>
internal sealed record TypeRefSpec(TypeRefKind Kind, string? Name = null, TypeRefSpec? Element = null, UnionSpec? Union = null)
{
    public static readonly TypeRefSpec String = new(TypeRefKind.String);
    public static readonly TypeRefSpec Int64 = new(TypeRefKind.Int64);
    public static readonly TypeRefSpec Double = new(TypeRefKind.Double);
    public static readonly TypeRefSpec Boolean = new(TypeRefKind.Boolean);
    public static readonly TypeRefSpec Json = new(TypeRefKind.Json);
}

internal enum TypeRefKind
{
    /// <summary>string</summary>
    String,
    /// <summary>long (JSON Schema "integer")</summary>
    Int64,
    /// <summary>double (JSON Schema "number")</summary>
    Double,
    /// <summary>bool</summary>
    Boolean,
    /// <summary>A generated class; <see cref="TypeRefSpec.Name"/> is its name.</summary>
    Model,
    /// <summary>A generated enum struct; <see cref="TypeRefSpec.Name"/> is its name.</summary>
    Enum,
    /// <summary>List&lt;Element&gt; (a JSON array).</summary>
    List,
    /// <summary>Dictionary&lt;string, Element&gt; (an object with only additionalProperties).</summary>
    Map,
    /// <summary>
    /// object: one of several generated classes told apart by a const property (<see cref="TypeRefSpec.Union"/>),
    /// or the JsonElement itself when the value names none of them.
    /// </summary>
    Union,
    /// <summary>
    /// Runtime.Expandable&lt;Element&gt;: an id string, or the object it names (an anyOf/oneOf of a string and a reference to a
    /// generated class; Stripe's "expandable" fields).
    /// </summary>
    Expandable,
    /// <summary>JsonElement: any value the schema does not pin to one of the above.</summary>
    Json,
}

/// <summary>Where a schema node's runtime representation lives: its file's schema class and node index.</summary>
internal sealed record SchemaNodeAddress(string SchemaClassName, int NodeIndex);
