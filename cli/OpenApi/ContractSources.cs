using System.Reflection;
using System.Text.Json.Nodes;

namespace WooshPay.Contracts.Tool.OpenApi;

/// <summary>One hand-written schema file of the contract.</summary>
/// <param name="FileName">Its name in schemas/, such as <c>payment_intent.schema.json</c>.</param>
/// <param name="Title">Its <c>title</c>: the generated type name and the OpenAPI component key.</param>
/// <param name="Root">The parsed schema (a fresh copy per load; callers may change it).</param>
internal sealed record ContractSchemaFile(string FileName, string Title, JsonObject Root)
{
    /// <summary>A file holding only shared <c>$defs</c> (no type of its own), such as common.schema.json.</summary>
    public bool IsDefinitionsOnly => !Root.ContainsKey("type") && !Root.ContainsKey("properties") && Root.ContainsKey("$defs");
}

/// <summary>The contract schemas and canonical samples embedded in the tool, so an export needs no checkout.</summary>
internal static class ContractSources
{
    private const string SchemaPrefix = "schemas/", SamplePrefix = "samples/";

    /// <summary>Every schema file, ordered by file name.</summary>
    public static IReadOnlyList<ContractSchemaFile> LoadSchemas()
        => Names(SchemaPrefix)
            .Select(name =>
            {
                var root = (JsonObject)Parse(SchemaPrefix + name);
                var title = root["title"]?.GetValue<string>() ?? throw new InvalidDataException($"schemas/{name} has no title.");
                return new ContractSchemaFile(name, title, root);
            })
            .ToList();

    /// <summary>The canonical sample with this file name (as in samples/payloads/canonical).</summary>
    public static JsonNode LoadSample(string fileName) => Parse(SamplePrefix + fileName);

    /// <summary>File names of the canonical samples.</summary>
    public static IReadOnlyList<string> SampleNames() => Names(SamplePrefix).ToList();

    private static IEnumerable<string> Names(string prefix)
        => Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n.Substring(prefix.Length))
            .OrderBy(n => n, StringComparer.Ordinal);

    private static JsonNode Parse(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource) ?? throw new InvalidDataException($"Missing embedded {resource}.");
        return JsonNode.Parse(stream) ?? throw new InvalidDataException($"{resource} is JSON null.");
    }

    private static Assembly Assembly => typeof(ContractSources).Assembly;
}
