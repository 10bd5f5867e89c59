using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;
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
    /// A checkout session whose line_items.data holds <paramref name="count"/> copies of its first item, each with its
    /// own id (same digit count, so every id still matches its pattern): a large valid payload from a canonical one.
    /// </summary>
    public static byte[] WithLineItems(byte[] checkoutSession, int count)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(checkoutSession)!;
        var data = root["line_items"]!["data"]!.AsArray();
        var first = data[0]!;
        var id = first["id"]!.GetValue<string>();
        data.Clear();
        for (var i = 0; i < count; i++)
        {
            var item = first.DeepClone();
            var suffix = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            item["id"] = id.Substring(0, id.Length - suffix.Length) + suffix;
            data.Add(item);
        }

        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>
    /// JsonSchema.Net 8: every schema file of schemas/ built into one registry of its own, where each is
    /// registered under its $id (common.schema.json first, since references resolve while building).
    /// Returns the built schema of <paramref name="schemaFile"/>.
    /// </summary>
    public static Json.Schema.JsonSchema LoadJsonSchemaNet(string schemaFile)
        => PeerSchemaLoader.LoadJsonSchemaNet(SchemasFolder).TryGetValue(schemaFile, out var schema)
            ? schema
            : throw new FileNotFoundException($"{schemaFile} is not in {SchemasFolder}.");

    /// <summary>
    /// NJsonSchema 11: the schema file loaded as <c>JsonSchema.FromFileAsync</c> would (relative file references
    /// resolved from the file's folder), with "$defs" spelled "definitions"; see <see cref="PeerSchemaLoader"/>.
    /// </summary>
    public static NJ.JsonSchema LoadNJsonSchema(string schemaFile)
        => PeerSchemaLoader.LoadNJsonSchema(Path.Combine(SchemasFolder, schemaFile));

    /// <summary>The title of a schema file, as a check that the generated class used for it is the right one.</summary>
    public static string TitleOf(string schemaFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SchemasFolder, schemaFile)));
        return document.RootElement.GetProperty("title").GetString() ?? "";
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
