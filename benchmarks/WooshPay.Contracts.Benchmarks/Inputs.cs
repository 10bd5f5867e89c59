using System.Text;
using System.Text.Json;
using NJ = NJsonSchema;

namespace WooshPay.Contracts.Benchmarks;

/// <summary>The repository's schema and payload files, and the peers' schemas loaded from them once.</summary>
internal static class Inputs
{
    /// <summary>The repository root: the first folder above the program (or the current folder) that holds schemas/ and samples/payloads/.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SchemasFolder => Path.Combine(RepositoryRoot, "schemas");

    /// <summary>The UTF-8 bytes of a payload under samples/payloads/, such as "canonical/checkout.session.create.response.json".</summary>
    public static byte[] Payload(string relativePath)
        => File.ReadAllBytes(Path.Combine(RepositoryRoot, "samples", "payloads", relativePath));

    /// <summary>
    /// JsonSchema.Net 8: every schema file of schemas/ built into one registry of its own, where each is
    /// registered under its $id (common.schema.json first, since references resolve while building).
    /// Returns the built schema of <paramref name="schemaFile"/>.
    /// </summary>
    public static Json.Schema.JsonSchema LoadJsonSchemaNet(string schemaFile)
    {
        var options = new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() };
        Json.Schema.JsonSchema? wanted = null;
        foreach (var path in Directory.EnumerateFiles(SchemasFolder, "*.schema.json")
                     .OrderBy(p => Path.GetFileName(p) == "common.schema.json" ? 0 : 1)
                     .ThenBy(p => p, StringComparer.Ordinal))
        {
            var schema = Json.Schema.JsonSchema.FromText(File.ReadAllText(path, Encoding.UTF8), options);
            if (Path.GetFileName(path) == schemaFile)
            {
                wanted = schema;
            }
        }

        return wanted ?? throw new FileNotFoundException($"{schemaFile} is not in {SchemasFolder}.");
    }

    /// <summary>
    /// NJsonSchema 11: the schema file loaded as <c>JsonSchema.FromFileAsync</c> would (relative file references
    /// resolved from the file's folder), with "$defs" spelled "definitions"; see <see cref="DraftSevenDefinitionsResolver"/>.
    /// </summary>
    public static NJ.JsonSchema LoadNJsonSchema(string schemaFile)
        => DraftSevenDefinitionsResolver.LoadAsync(Path.Combine(SchemasFolder, schemaFile)).GetAwaiter().GetResult();

    /// <summary>The title of a schema file, as a check that the generated class used for it is the right one.</summary>
    public static string TitleOf(string schemaFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SchemasFolder, schemaFile)));
        return document.RootElement.GetProperty("title").GetString() ?? "";
    }

    /// <summary>
    /// NJsonSchema 11 predates "$defs": plain <c>JsonSchema.FromFileAsync</c> loads these schemas but its Validate
    /// then throws "The schema reference path 'common.schema.json#/$defs/terminal_type' has not been resolved"
    /// (a $ref nested two levels inside "$defs"). This resolver hands it every file with "$defs" spelled
    /// "definitions" (the draft-07 name of the same keyword, same semantics), resolving relative file references
    /// from the file's own folder as FromFileAsync does; the tests' differential oracle loads NJsonSchema the same
    /// way. The rewrite happens once, at load time, outside every measurement.
    /// </summary>
    private sealed class DraftSevenDefinitionsResolver(NJ.JsonSchemaAppender appender) : NJ.JsonReferenceResolver(appender)
    {
        public static Task<NJ.JsonSchema> LoadAsync(string path)
            => NJ.JsonSchema.FromJsonAsync(Rename(File.ReadAllText(path)), path,
                schema => new DraftSevenDefinitionsResolver(new NJ.JsonSchemaAppender(schema, new NJ.DefaultTypeNameGenerator())));

        public override async Task<NJ.References.IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
            => await NJ.JsonSchema.FromJsonAsync(Rename(File.ReadAllText(filePath)), filePath, _ => this, cancellationToken);

        private static string Rename(string schemaText)
            => schemaText.Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal).Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "schemas", "common.schema.json"))
                    && Directory.Exists(Path.Combine(folder.FullName, "samples", "payloads")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("No folder above the program or the current folder holds schemas/ and samples/payloads/.");
    }
}
