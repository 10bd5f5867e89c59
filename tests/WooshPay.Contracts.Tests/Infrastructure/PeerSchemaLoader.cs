using NJ = NJsonSchema;

namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>
/// Loads the schema files of one folder into the two peer validators, NJsonSchema 11 and JsonSchema.Net 8: the
/// differential tests' oracles and the benchmarks' contestants. The benchmarks compile this same file (a link in
/// their project), so both load the peers the same way; it depends on nothing else of the tests.
/// </summary>
internal static class PeerSchemaLoader
{
    /// <summary>
    /// JsonSchema.Net 8: every *.schema.json of <paramref name="schemasFolder"/> built into one registry of its own,
    /// where each is registered under its $id. Returns the built schemas by file name.
    /// </summary>
    public static IReadOnlyDictionary<string, Json.Schema.JsonSchema> LoadJsonSchemaNet(string schemasFolder)
    {
        var options = new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() };
        var schemas = new Dictionary<string, Json.Schema.JsonSchema>(StringComparer.Ordinal);
        // References are resolved while building, so the shared definitions go in first; each build
        // registers the schema under its $id in the local registry, which is how the others find it.
        foreach (var path in Directory.EnumerateFiles(schemasFolder, "*.schema.json")
                     .OrderBy(p => Path.GetFileName(p) == "common.schema.json" ? 0 : 1)
                     .ThenBy(p => p, StringComparer.Ordinal))
        {
            schemas[Path.GetFileName(path)] = Json.Schema.JsonSchema.FromText(File.ReadAllText(path), options);
        }

        return schemas;
    }

    /// <summary>
    /// NJsonSchema 11: the schema file loaded as <c>JsonSchema.FromFileAsync</c> would (relative file references
    /// resolved from the file's folder), with "$defs" spelled "definitions"; see <see cref="DraftSevenDefinitionsResolver"/>.
    /// </summary>
    public static NJ.JsonSchema LoadNJsonSchema(string schemaPath)
        => DraftSevenDefinitionsResolver.LoadAsync(schemaPath).GetAwaiter().GetResult();

    /// <summary>
    /// NJsonSchema 11 predates "$defs": it keeps "$defs" as extension data, and plain <c>JsonSchema.FromFileAsync</c>
    /// loads these schemas but its Validate then throws "The schema reference path
    /// 'common.schema.json#/$defs/terminal_type' has not been resolved" (a $ref nested two levels inside "$defs").
    /// This resolver hands it every file with "$defs" spelled "definitions" (the draft-07 name of the same keyword,
    /// with the same semantics), resolving relative file references from the file's own folder as FromFileAsync
    /// does. The schemas' content is otherwise untouched, and the rewrite happens once, at load time (outside every
    /// benchmark measurement). See tests/WooshPay.Contracts.Tests/Differential/known-differences.md.
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
}
