using System.Collections.Generic;
using System.Linq;

namespace WooshPay.Contracts.Generator.Evolution;

/// <summary>How much a contract change matters to the side it affects.</summary>
internal enum ChangeSeverity
{
    /// <summary>Nothing a correct client does stops working.</summary>
    Info,

    /// <summary>May break a client, depending on what it does: review it.</summary>
    Warning,

    /// <summary>A client that was correct under the old contract is wrong under the new one.</summary>
    Breaking,
}

/// <summary>Who a change affects: the ones who send a request schema, or the ones who read a response schema.</summary>
internal enum ChangeAudience
{
    RequestSenders,
    ResponseReaders,
}

/// <summary>One rule of the breaking-change analysis: its id, whom it concerns, and how severe it is.</summary>
/// <param name="Id">Stable id; where oasdiff has a check for the same change, its id.</param>
/// <param name="Audience">Whom the rule concerns.</param>
/// <param name="Severity">How much the change matters to them.</param>
/// <param name="Summary">One sentence for the rule table.</param>
/// <param name="FromOasdiff">True when <paramref name="Id"/> is oasdiff's id for the same change.</param>
internal sealed record ChangeRule(string Id, ChangeAudience Audience, ChangeSeverity Severity, string Summary, bool FromOasdiff);

/// <summary>
/// The catalogue of rules. A constraint that gets stricter breaks request senders (what they sent may now be
/// rejected) and is harmless for response readers; one that gets looser is the other way round.
/// </summary>
internal static class ChangeRules
{
    private const ChangeAudience Request = ChangeAudience.RequestSenders;
    private const ChangeAudience Response = ChangeAudience.ResponseReaders;
    private const ChangeSeverity Info = ChangeSeverity.Info;
    private const ChangeSeverity Warning = ChangeSeverity.Warning;
    private const ChangeSeverity Breaking = ChangeSeverity.Breaking;

    private static readonly List<ChangeRule> s_all = new();

    // Properties.
    public static readonly ChangeRule NewRequiredRequestProperty = Add("new-required-request-property", Request, Breaking, "A required property was added", true);
    public static readonly ChangeRule NewOptionalRequestProperty = Add("new-optional-request-property", Request, Info, "An optional property was added", true);
    public static readonly ChangeRule RequestPropertyRemoved = Add("request-property-removed", Request, Warning, "A property was removed (senders that still send it are rejected where the object is closed)", true);
    public static readonly ChangeRule ResponseRequiredPropertyAdded = Add("response-required-property-added", Response, Info, "A required property was added", true);
    public static readonly ChangeRule ResponseOptionalPropertyAdded = Add("response-optional-property-added", Response, Info, "An optional property was added", true);
    public static readonly ChangeRule ResponseRequiredPropertyRemoved = Add("response-required-property-removed", Response, Breaking, "A required property was removed", true);
    public static readonly ChangeRule ResponseOptionalPropertyRemoved = Add("response-optional-property-removed", Response, Warning, "An optional property was removed (readers that use it get nothing)", true);

    // Required.
    public static readonly ChangeRule RequestPropertyBecameRequired = Add("request-property-became-required", Request, Breaking, "An optional property became required", true);
    public static readonly ChangeRule RequestPropertyBecameOptional = Add("request-property-became-optional", Request, Info, "A required property became optional", true);
    public static readonly ChangeRule ResponsePropertyBecameOptional = Add("response-property-became-optional", Response, Breaking, "A required property became optional", true);
    public static readonly ChangeRule ResponsePropertyBecameRequired = Add("response-property-became-required", Response, Info, "An optional property became required", true);

    // Type and nullability.
    public static readonly ChangeRule RequestPropertyTypeChanged = Add("request-property-type-changed", Request, Breaking, "The type no longer accepts a type it accepted", true);
    public static readonly ChangeRule RequestPropertyTypeGeneralized = Add("request-property-type-generalized", Request, Info, "The type accepts more types", true);
    public static readonly ChangeRule ResponsePropertyTypeChanged = Add("response-property-type-changed", Response, Breaking, "The type may now be a type it could not be", true);
    public static readonly ChangeRule ResponsePropertyTypeSpecialized = Add("response-property-type-specialized", Response, Info, "The type allows fewer types", false);
    public static readonly ChangeRule RequestPropertyBecameNotNullable = Add("request-property-became-not-nullable", Request, Breaking, "null is no longer accepted", true);
    public static readonly ChangeRule RequestPropertyBecameNullable = Add("request-property-became-nullable", Request, Info, "null is now accepted", true);
    public static readonly ChangeRule ResponsePropertyBecameNullable = Add("response-property-became-nullable", Response, Breaking, "The value may now be null", true);
    public static readonly ChangeRule ResponsePropertyBecameNotNullable = Add("response-property-became-not-nullable", Response, Info, "The value is never null any more", false);

    // enum and const.
    public static readonly ChangeRule RequestPropertyEnumValueRemoved = Add("request-property-enum-value-removed", Request, Breaking, "An enum value was removed", true);
    public static readonly ChangeRule RequestPropertyEnumValueAdded = Add("request-property-enum-value-added", Request, Info, "An enum value was added", true);
    public static readonly ChangeRule ResponsePropertyEnumValueAdded = Add("response-property-enum-value-added", Response, Warning,
        "An enum value was added (generated enums keep unknown values, so parsing does not fail; code that switches over the values must handle it)", true);
    public static readonly ChangeRule ResponsePropertyEnumValueRemoved = Add("response-property-enum-value-removed", Response, Info, "An enum value was removed", true);
    public static readonly ChangeRule RequestPropertyEnumAdded = Add("request-property-enum-added", Request, Breaking, "The values were restricted to an enum", false);
    public static readonly ChangeRule RequestPropertyEnumRemoved = Add("request-property-enum-removed", Request, Info, "The enum restriction was removed", false);
    public static readonly ChangeRule ResponsePropertyEnumAdded = Add("response-property-enum-added", Response, Info, "The values were restricted to an enum", false);
    public static readonly ChangeRule ResponsePropertyEnumRemoved = Add("response-property-enum-removed", Response, Breaking, "The enum restriction was removed (any value may appear; the generated enum type goes)", false);
    public static readonly ChangeRule RequestPropertyConstChanged = Add("request-property-const-changed", Request, Breaking, "The const value changed, was added or was removed", false);
    public static readonly ChangeRule ResponsePropertyConstChanged = Add("response-property-const-changed", Response, Breaking, "The const value changed, was added or was removed", false);

    // Numeric bounds (minimum/exclusiveMinimum and maximum/exclusiveMaximum are compared as one bound each).
    public static readonly Bounds Min = new(
        Add("request-property-min-increased", Request, Breaking, "The lower bound rose (or was set)", true),
        Add("request-property-min-decreased", Request, Info, "The lower bound fell (or was removed)", true),
        Add("response-property-min-decreased", Response, Breaking, "The lower bound fell (or was removed)", false),
        Add("response-property-min-increased", Response, Info, "The lower bound rose (or was set)", false));

    public static readonly Bounds Max = new(
        Add("request-property-max-decreased", Request, Breaking, "The upper bound fell (or was set)", true),
        Add("request-property-max-increased", Request, Info, "The upper bound rose (or was removed)", true),
        Add("response-property-max-increased", Response, Breaking, "The upper bound rose (or was removed)", false),
        Add("response-property-max-decreased", Response, Info, "The upper bound fell (or was set)", false));

    public static readonly Bounds MinLength = new(
        Add("request-property-min-length-increased", Request, Breaking, "minLength rose (or was set)", true),
        Add("request-property-min-length-decreased", Request, Info, "minLength fell (or was removed)", true),
        Add("response-property-min-length-decreased", Response, Breaking, "minLength fell (or was removed)", false),
        Add("response-property-min-length-increased", Response, Info, "minLength rose (or was set)", false));

    public static readonly Bounds MaxLength = new(
        Add("request-property-max-length-decreased", Request, Breaking, "maxLength fell (or was set)", true),
        Add("request-property-max-length-increased", Request, Info, "maxLength rose (or was removed)", true),
        Add("response-property-max-length-increased", Response, Breaking, "maxLength rose (or was removed)", false),
        Add("response-property-max-length-decreased", Response, Info, "maxLength fell (or was set)", false));

    public static readonly Bounds MinItems = new(
        Add("request-property-min-items-increased", Request, Breaking, "minItems rose (or was set)", true),
        Add("request-property-min-items-decreased", Request, Info, "minItems fell (or was removed)", false),
        Add("response-property-min-items-decreased", Response, Breaking, "minItems fell (or was removed)", false),
        Add("response-property-min-items-increased", Response, Info, "minItems rose (or was set)", false));

    public static readonly Bounds MaxItems = new(
        Add("request-property-max-items-decreased", Request, Breaking, "maxItems fell (or was set)", false),
        Add("request-property-max-items-increased", Request, Info, "maxItems rose (or was removed)", false),
        Add("response-property-max-items-increased", Response, Breaking, "maxItems rose (or was removed)", false),
        Add("response-property-max-items-decreased", Response, Info, "maxItems fell (or was set)", false));

    // pattern and format: added tightens, removed loosens; a changed pattern cannot be ordered, so it is a warning.
    public static readonly Annotation Pattern = new(
        Add("request-property-pattern-added", Request, Breaking, "A pattern was added", true),
        Add("request-property-pattern-removed", Request, Info, "The pattern was removed", true),
        Add("request-property-pattern-changed", Request, Warning, "The pattern changed (values the old one accepted may be rejected)", true),
        Add("response-property-pattern-added", Response, Info, "A pattern was added", false),
        Add("response-property-pattern-removed", Response, Breaking, "The pattern was removed", false),
        Add("response-property-pattern-changed", Response, Warning, "The pattern changed (values the old one excluded may appear)", false));

    public static readonly Annotation Format = new(
        Add("request-property-format-added", Request, Breaking, "A format was added", false),
        Add("request-property-format-removed", Request, Info, "The format was removed", false),
        Add("request-property-format-changed", Request, Breaking, "The format changed", false),
        Add("response-property-format-added", Response, Info, "A format was added", false),
        Add("response-property-format-removed", Response, Breaking, "The format was removed", false),
        Add("response-property-format-changed", Response, Breaking, "The format changed", false));

    // additionalProperties (and unevaluatedProperties) false.
    public static readonly ChangeRule RequestAdditionalPropertiesClosed = Add("request-property-additional-properties-closed", Request, Breaking, "The object no longer accepts unknown properties", false);
    public static readonly ChangeRule RequestAdditionalPropertiesOpened = Add("request-property-additional-properties-opened", Request, Info, "The object now accepts unknown properties", false);
    public static readonly ChangeRule ResponseAdditionalPropertiesClosed = Add("response-property-additional-properties-closed", Response, Info, "The object no longer carries unknown properties", false);
    public static readonly ChangeRule ResponseAdditionalPropertiesOpened = Add("response-property-additional-properties-opened", Response, Warning, "The object may now carry unknown properties (generated models keep them; strict parsing rejects them)", false);

    // $ref.
    public static readonly ChangeRule RequestPropertyRefChanged = Add("request-property-ref-changed", Request, Warning, "The $ref points at another schema", false);
    public static readonly ChangeRule ResponsePropertyRefChanged = Add("response-property-ref-changed", Response, Warning, "The $ref points at another schema", false);

    // oneOf / anyOf alternatives.
    public static readonly ChangeRule RequestPropertyOneOfAdded = Add("request-property-one-of-added", Request, Info, "A oneOf alternative was added", true);
    public static readonly ChangeRule RequestPropertyOneOfRemoved = Add("request-property-one-of-removed", Request, Breaking, "A oneOf alternative was removed", true);
    public static readonly ChangeRule ResponsePropertyOneOfAdded = Add("response-property-one-of-added", Response, Breaking, "A oneOf alternative was added", true);
    public static readonly ChangeRule ResponsePropertyOneOfRemoved = Add("response-property-one-of-removed", Response, Info, "A oneOf alternative was removed", true);
    public static readonly ChangeRule RequestPropertyAnyOfAdded = Add("request-property-any-of-added", Request, Info, "An anyOf alternative was added", true);
    public static readonly ChangeRule RequestPropertyAnyOfRemoved = Add("request-property-any-of-removed", Request, Breaking, "An anyOf alternative was removed", true);
    public static readonly ChangeRule ResponsePropertyAnyOfAdded = Add("response-property-any-of-added", Response, Breaking, "An anyOf alternative was added", true);
    public static readonly ChangeRule ResponsePropertyAnyOfRemoved = Add("response-property-any-of-removed", Response, Info, "An anyOf alternative was removed", true);

    // Whole schemas and $defs entries.
    public static readonly ChangeRule RequestSchemaRemoved = Add("request-schema-removed", Request, Breaking, "A schema file was removed", false);
    public static readonly ChangeRule ResponseSchemaRemoved = Add("response-schema-removed", Response, Breaking, "A schema file was removed", false);
    public static readonly ChangeRule RequestSchemaAdded = Add("request-schema-added", Request, Info, "A schema file was added", false);
    public static readonly ChangeRule ResponseSchemaAdded = Add("response-schema-added", Response, Info, "A schema file was added", false);
    public static readonly ChangeRule RequestDefinitionRemoved = Add("request-definition-removed", Request, Breaking, "A $defs entry was removed (references to it no longer resolve)", false);
    public static readonly ChangeRule ResponseDefinitionRemoved = Add("response-definition-removed", Response, Breaking, "A $defs entry was removed (references to it no longer resolve)", false);
    public static readonly ChangeRule RequestDefinitionAdded = Add("request-definition-added", Request, Info, "A $defs entry was added", false);
    public static readonly ChangeRule ResponseDefinitionAdded = Add("response-definition-added", Response, Info, "A $defs entry was added", false);

    /// <summary>Every rule, in catalogue order.</summary>
    public static IReadOnlyList<ChangeRule> All => s_all;

    public static ChangeRule ById(string id) => s_all.First(r => r.Id == id);

    private static ChangeRule Add(string id, ChangeAudience audience, ChangeSeverity severity, string summary, bool fromOasdiff)
    {
        var rule = new ChangeRule(id, audience, severity, summary, fromOasdiff);
        s_all.Add(rule);
        return rule;
    }

    /// <summary>The four rules of one bound: tightened and loosened, for senders and for readers.</summary>
    internal sealed record Bounds(ChangeRule RequestTightened, ChangeRule RequestLoosened, ChangeRule ResponseLoosened, ChangeRule ResponseTightened)
    {
        public ChangeRule Pick(ChangeAudience audience, bool tightened) => audience == Request
            ? (tightened ? RequestTightened : RequestLoosened)
            : (tightened ? ResponseTightened : ResponseLoosened);
    }

    /// <summary>The six rules of a string keyword that is added, removed or changed.</summary>
    internal sealed record Annotation(ChangeRule RequestAdded, ChangeRule RequestRemoved, ChangeRule RequestChanged,
        ChangeRule ResponseAdded, ChangeRule ResponseRemoved, ChangeRule ResponseChanged)
    {
        public ChangeRule Pick(ChangeAudience audience, string? before, string? after) => audience == Request
            ? (before is null ? RequestAdded : after is null ? RequestRemoved : RequestChanged)
            : (before is null ? ResponseAdded : after is null ? ResponseRemoved : ResponseChanged);
    }
}
