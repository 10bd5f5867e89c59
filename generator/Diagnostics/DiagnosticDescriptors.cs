using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WooshPay.Contracts.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. One prefix (WPC), one category; each rule is listed in
/// AnalyzerReleases.Unshipped.md and documented in the README's diagnostics table.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "WooshPay.Contracts";

    public static readonly DiagnosticDescriptor InvalidJson = Create(
        "WPC001", "Schema file is not valid JSON", "Schema file is not valid JSON: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "WPC002", "Unresolved schema reference", "Cannot resolve {0} '{1}'", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Create(
        "WPC003", "Keyword not supported", "Keyword '{0}' is not supported by the generator and is not enforced", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateTypeName = Create(
        "WPC004", "Two schemas produce one type name", "Type name '{0}' is produced by both {1} and {2}; give one of them a different title", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumValueNotIdentifier = Create(
        "WPC005", "Enum value cannot become an identifier", "Enum value {0} of '{1}' cannot become a distinct C# identifier; its constant is named '{2}'", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidKeywordValue = Create(
        "WPC006", "Invalid keyword value", "Keyword '{0}' must be {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidPattern = Create(
        "WPC007", "Invalid regular expression", "Pattern '{0}' is not a valid regular expression: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownFormat = Create(
        "WPC008", "Unknown format", "Format '{0}' is not known to the generator; it is kept as an annotation and not asserted", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedDialect = Create(
        "WPC009", "Schema dialect is not draft 2020-12", "$schema '{0}' is not draft 2020-12; the file is read with draft 2020-12 rules", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "WPC010", "The generator failed on a schema file", "The generator could not process this schema file: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateKey = Create(
        "WPC011", "Duplicate key in schema object", "Key '{0}' appears more than once in the same object", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidSetting = Create(
        "WPC012", "Invalid MSBuild setting", "Setting '{0}' must be {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumTooLargeForConstants = Create(
        "WPC020", "Enum has more values than named constants", "enum of {0} values: no named constants beyond {1}; the values are still checked", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameLosesCharacters = Create(
        "WPC021", "Name loses characters", "{0} {1} has characters a C# name cannot hold; the name used is '{2}'", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameHidesSystemType = Create(
        "WPC022", "Type name would hide a System type", "Type name '{0}' would hide System.{0} in the generated namespace; the type is named '{1}'", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnionWithoutDiscriminator = Create(
        "WPC040", "Object alternatives without a discriminator", "The {0} alternatives are object schemas that no property pinned to a distinct string const tells apart; the value is a JsonElement", DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor BreakingContractChange = Create(
        "WPC100", "Breaking change against the contract baseline", "Breaking for {1} ({0}): {2} (was {3})", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ContractChangeToReview = Create(
        "WPC101", "Contract change to review against the baseline", "May break {1} ({0}): {2} (was {3})", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadableContractBaseline = Create(
        "WPC102", "Contract baseline file cannot be read", "This baseline schema file is not compared: {0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EmptyContractBaseline = Create(
        "WPC103", "Contract baseline has no schema files", "WooshPayContractsBaseline is '{0}', but no *.schema.json file is there; nothing is compared", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor SwaggerDocument = Create(
        "WPC030", "Swagger 2.0 document", "This is a Swagger 2.0 document ('swagger': '{0}'); convert it to OpenAPI 3 first", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotAnOpenApiDocument = Create(
        "WPC031", "Not an OpenAPI 3 document", "The document is not OpenAPI 3.0 or 3.1: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidYaml = Create(
        "WPC033", "OpenAPI document is not valid YAML", "The OpenAPI document is not valid YAML: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedYaml = Create(
        "WPC034", "YAML construct not supported", "The OpenAPI document uses YAML the generator does not read: {0}; write the value out", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateOperationName = Create(
        "WPC035", "Two operations produce one name", "The operation {0} would be named '{1}', which another operation of the document has; it is named '{2}'", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DiscriminatorWithoutAlternatives = Create(
        "WPC036", "Discriminator with nothing to choose among", "The discriminator '{0}' has no oneOf/anyOf, and no component derives from its schema through allOf: it makes no class hierarchy; the schema is validated as written",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor IncompleteDiscriminator = Create(
        "WPC037", "Discriminator does not make a closed hierarchy", "The discriminator '{0}' does not make a closed hierarchy: {1}; the value keeps the shape it has without one", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AlternativeInTwoHierarchies = Create(
        "WPC038", "Alternative of two hierarchies", "'{0}' already derives from '{1}', so it cannot also derive from '{2}'; '{2}' keeps the shape it has without a discriminator", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InterpretedSchema = Create(
        "WPC050", "Schema validated by the interpreter", "{0} is validated by the interpreter, not compiled: '{1}' at {2}#{3} needs more than one forward pass",
        DiagnosticSeverity.Info);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        InvalidJson, UnresolvedReference, UnsupportedKeyword, DuplicateTypeName, EnumValueNotIdentifier,
        InvalidKeywordValue, InvalidPattern, UnknownFormat, UnsupportedDialect, GeneratorFailure, DuplicateKey, InvalidSetting,
        EnumTooLargeForConstants, NameLosesCharacters, NameHidesSystemType,
        UnionWithoutDiscriminator,
        BreakingContractChange, ContractChangeToReview, UnreadableContractBaseline, EmptyContractBaseline,
        SwaggerDocument, NotAnOpenApiDocument, InvalidYaml, UnsupportedYaml, DuplicateOperationName,
        DiscriminatorWithoutAlternatives, IncompleteDiscriminator, AlternativeInTwoHierarchies, InterpretedSchema,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true);
}
