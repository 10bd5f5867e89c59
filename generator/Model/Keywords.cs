using System;
using System.Collections.Generic;
using System.Linq;

namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// The keywords the generator evaluates, one row each: its vocabulary, the instance types it constrains, where the
/// parser stores it (<see cref="KeywordInfo.IsSet"/>) and the runtime SchemaNode field the emitter writes it to. The
/// linker plans with it (vocabularies, string-only checks); KeywordTableTests checks parser, emitter and runtime
/// against it, so a new keyword is one row here plus its parse, emit and evaluate code.
/// </summary>
internal static class Keywords
{
    public const string Core = "core";
    public const string Applicator = "applicator";
    public const string Unevaluated = "unevaluated";
    public const string Validation = "validation";
    public const string Format = "format-annotation";

    private const JsonTypes AnyType = JsonTypes.None;
    private const JsonTypes Numbers = JsonTypes.Number | JsonTypes.Integer;

    public static readonly IReadOnlyList<KeywordInfo> All = new KeywordInfo[]
    {
        new("$ref", Core, AnyType, "SetRef", n => n.Ref != null, n => n with { Ref = null }),
        new("$dynamicRef", Core, AnyType, "SetDynamicRef", n => n.DynamicRef != null, n => n with { DynamicRef = null }),
        new("$dynamicAnchor", Core, AnyType, "DynamicAnchor", n => n.DynamicAnchor != null, n => n with { DynamicAnchor = null }),
        new("type", Validation, AnyType, "Types", n => n.Types != JsonTypes.None, n => n with { Types = JsonTypes.None }),
        new("enum", Validation, AnyType, "Enum", n => n.HasEnum, n => n with { HasEnum = false, Enum = EquatableArray<LiteralSpec>.Empty }),
        new("const", Validation, AnyType, "Const", n => n.Const != null, n => n with { Const = null }),
        new("multipleOf", Validation, Numbers, "MultipleOf", n => n.MultipleOf != null, n => n with { MultipleOf = null }),
        new("maximum", Validation, Numbers, "Maximum", n => n.Maximum != null, n => n with { Maximum = null }),
        new("exclusiveMaximum", Validation, Numbers, "ExclusiveMaximum", n => n.ExclusiveMaximum != null, n => n with { ExclusiveMaximum = null }),
        new("minimum", Validation, Numbers, "Minimum", n => n.Minimum != null, n => n with { Minimum = null }),
        new("exclusiveMinimum", Validation, Numbers, "ExclusiveMinimum", n => n.ExclusiveMinimum != null, n => n with { ExclusiveMinimum = null }),
        new("maxLength", Validation, JsonTypes.String, "MaxLength", n => n.MaxLength != null, n => n with { MaxLength = null }),
        new("minLength", Validation, JsonTypes.String, "MinLength", n => n.MinLength != null, n => n with { MinLength = null }),
        new("pattern", Validation, JsonTypes.String, "Pattern", n => n.Pattern != null, n => n with { Pattern = null }),
        new("maxItems", Validation, JsonTypes.Array, "MaxItems", n => n.MaxItems != null, n => n with { MaxItems = null }),
        new("minItems", Validation, JsonTypes.Array, "MinItems", n => n.MinItems != null, n => n with { MinItems = null }),
        new("uniqueItems", Validation, JsonTypes.Array, "UniqueItems", n => n.UniqueItems, n => n with { UniqueItems = false }),
        new("maxContains", Validation, JsonTypes.Array, "MaxContains", n => n.MaxContains != null, n => n with { MaxContains = null }),
        new("minContains", Validation, JsonTypes.Array, "MinContains", n => n.MinContains != null, n => n with { MinContains = null }),
        new("maxProperties", Validation, JsonTypes.Object, "MaxProperties", n => n.MaxProperties != null, n => n with { MaxProperties = null }),
        new("minProperties", Validation, JsonTypes.Object, "MinProperties", n => n.MinProperties != null, n => n with { MinProperties = null }),
        new("required", Validation, JsonTypes.Object, "Required", n => !n.Required.IsEmpty, n => n with { Required = EquatableArray<string>.Empty }),
        new("dependentRequired", Validation, JsonTypes.Object, "DependentRequired", n => !n.DependentRequired.IsEmpty, n => n with { DependentRequired = EquatableArray<DependentRequirement>.Empty }),
        new("format", Format, JsonTypes.String, "Format", n => n.Format != null, n => n with { Format = null }),
        new("allOf", Applicator, AnyType, "AllOf", n => !n.AllOf.IsEmpty, n => n with { AllOf = EquatableArray<int>.Empty }),
        new("anyOf", Applicator, AnyType, "AnyOf", n => !n.AnyOf.IsEmpty, n => n with { AnyOf = EquatableArray<int>.Empty }),
        new("oneOf", Applicator, AnyType, "OneOf", n => !n.OneOf.IsEmpty, n => n with { OneOf = EquatableArray<int>.Empty }),
        new("not", Applicator, AnyType, "Not", n => n.Not != null, n => n with { Not = null }),
        new("if", Applicator, AnyType, "If", n => n.If != null, n => n with { If = null }),
        new("then", Applicator, AnyType, "Then", n => n.Then != null, n => n with { Then = null }),
        new("else", Applicator, AnyType, "Else", n => n.Else != null, n => n with { Else = null }),
        new("properties", Applicator, JsonTypes.Object, "Properties", n => !n.Properties.IsEmpty, n => n with { Properties = EquatableArray<NamedSubschema>.Empty }),
        new("patternProperties", Applicator, JsonTypes.Object, "PatternProperties", n => !n.PatternProperties.IsEmpty, n => n with { PatternProperties = EquatableArray<NamedSubschema>.Empty }),
        new("additionalProperties", Applicator, JsonTypes.Object, "AdditionalProperties", n => n.AdditionalProperties != null, n => n with { AdditionalProperties = null }),
        new("propertyNames", Applicator, JsonTypes.Object, "PropertyNames", n => n.PropertyNames != null, n => n with { PropertyNames = null }),
        new("dependentSchemas", Applicator, JsonTypes.Object, "DependentSchemas", n => !n.DependentSchemas.IsEmpty, n => n with { DependentSchemas = EquatableArray<NamedSubschema>.Empty }),
        new("prefixItems", Applicator, JsonTypes.Array, "PrefixItems", n => !n.PrefixItems.IsEmpty, n => n with { PrefixItems = EquatableArray<int>.Empty }),
        new("items", Applicator, JsonTypes.Array, "Items", n => n.Items != null, n => n with { Items = null }),
        new("contains", Applicator, JsonTypes.Array, "Contains", n => n.Contains != null, n => n with { Contains = null }),
        new("unevaluatedProperties", Unevaluated, JsonTypes.Object, "UnevaluatedProperties", n => n.UnevaluatedProperties != null, n => n with { UnevaluatedProperties = null }),
        new("unevaluatedItems", Unevaluated, JsonTypes.Array, "UnevaluatedItems", n => n.UnevaluatedItems != null, n => n with { UnevaluatedItems = null }),
    };

    /// <summary>The node without the keywords of <paramref name="vocabulary"/>.</summary>
    public static SchemaNodeSpec WithoutVocabulary(SchemaNodeSpec node, string vocabulary)
        => All.Where(keyword => keyword.Vocabulary == vocabulary).Aggregate(node, (current, keyword) => keyword.Remove(current));

    /// <summary>
    /// Whether a schema can check a plain string (a property name) without a JSON value: an allow-list, so a keyword
    /// added later is checked the full way until it is known to be safe. Allowed: the string keywords the runtime's
    /// string check evaluates, "type": "string", and keywords that constrain only other instance types.
    /// </summary>
    public static bool ChecksStringsOnly(SchemaNodeSpec node)
        => node.BooleanValue is null
            && All.Where(keyword => keyword.IsSet(node)).All(keyword =>
                keyword.Name switch
                {
                    "type" => node.Types == JsonTypes.String,
                    "minLength" or "maxLength" or "pattern" or "format" => true,
                    _ => keyword.AppliesTo != AnyType && (keyword.AppliesTo & JsonTypes.String) == 0,
                });
}

/// <summary>One keyword of <see cref="Keywords.All"/>.</summary>
/// <param name="Name">The keyword as written in a schema.</param>
/// <param name="Vocabulary">The draft 2020-12 vocabulary that defines it (the last segment of its URI).</param>
/// <param name="AppliesTo">The instance types it constrains; <see cref="JsonTypes.None"/> for every type.</param>
/// <param name="RuntimeMember">The SchemaNode member (field or setter method) the emitter writes it to.</param>
/// <param name="IsSet">Whether the parsed node carries it.</param>
/// <param name="Remove">The node without it: how a vocabulary the dialect leaves out turns it into an annotation.</param>
internal sealed record KeywordInfo(
    string Name, string Vocabulary, JsonTypes AppliesTo, string RuntimeMember, Func<SchemaNodeSpec, bool> IsSet, Func<SchemaNodeSpec, SchemaNodeSpec> Remove);
