using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// The draft 2020-12 meta-schemas, embedded in the generator (generator/MetaSchemas, with their provenance) and
/// parsed once. The linker adds them to a compilation only when a schema refers to one of them.
/// </summary>
internal static class MetaSchemaLibrary
{
    /// <summary>The base of every 2020-12 meta-schema and vocabulary URI.</summary>
    public const string BaseUri = "https://json-schema.org/draft/2020-12/";

    /// <summary>The vocabulary whose keywords (type, enum, minimum, required...) a custom meta-schema may leave out.</summary>
    public const string ValidationVocabulary = BaseUri + "vocab/validation";

    private const string ResourcePrefix = "MetaSchemas.";

    // Resource name -> (URI, generated class name stem).
    private static readonly (string Resource, string Uri, string TypeName)[] s_documents =
    {
        ("schema.json", BaseUri + "schema", "JsonSchemaDraft202012"),
        ("core.json", BaseUri + "meta/core", "JsonSchemaDraft202012Core"),
        ("applicator.json", BaseUri + "meta/applicator", "JsonSchemaDraft202012Applicator"),
        ("unevaluated.json", BaseUri + "meta/unevaluated", "JsonSchemaDraft202012Unevaluated"),
        ("validation.json", BaseUri + "meta/validation", "JsonSchemaDraft202012Validation"),
        ("meta-data.json", BaseUri + "meta/meta-data", "JsonSchemaDraft202012MetaData"),
        ("format-annotation.json", BaseUri + "meta/format-annotation", "JsonSchemaDraft202012FormatAnnotation"),
        ("content.json", BaseUri + "meta/content", "JsonSchemaDraft202012Content"),
    };

    private static readonly Lazy<ImmutableArray<SchemaFileSpec>> s_files = new(Load);

    /// <summary>The parsed meta-schemas (validation only, no models); their own diagnostics are on each spec.</summary>
    public static ImmutableArray<SchemaFileSpec> Files => s_files.Value;

    /// <summary>Whether <paramref name="absoluteUri"/> (fragment removed) names one of the meta-schemas.</summary>
    public static bool Contains(string absoluteUri) => s_documents.Any(d => d.Uri == absoluteUri);

    // Their diagnostics (a format the generator does not assert) would point into the generator, not the project.
    private static ImmutableArray<SchemaFileSpec> Load()
        => s_documents.Select(document => Parse(document) with { Diagnostics = EquatableArray<Diagnostics.DiagnosticInfo>.Empty }).ToImmutableArray();

    /// <summary>For tests: what the parser reports on each embedded document.</summary>
    internal static IEnumerable<(string Uri, Diagnostics.DiagnosticInfo Diagnostic)> ParseDiagnostics()
        => s_documents.SelectMany(document => Parse(document).Diagnostics.Select(diagnostic => (document.Uri, diagnostic)));

    private static SchemaFileSpec Parse((string Resource, string Uri, string TypeName) document)
    {
        using var stream = typeof(MetaSchemaLibrary).Assembly.GetManifestResourceStream(ResourcePrefix + document.Resource)!;
        using var reader = new StreamReader(stream);
        var path = "json-schema.org/draft/2020-12/" + document.Resource;
        return SchemaParser.Parse(path, reader.ReadToEnd(), document.Uri, new SchemaFileOptions(GenerateModels: false, document.TypeName));
    }
}
