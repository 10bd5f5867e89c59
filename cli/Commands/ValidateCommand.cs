using System.Text.Json;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Runtime;
using WooshPay.Contracts.Tool.Contracts;

namespace WooshPay.Contracts.Tool.Commands;

/// <summary>
/// <c>validate &lt;schema&gt; &lt;payload&gt;...</c>: validates JSON payload files with the generated validators' interpreter.
/// The schema is a file (its folder's other schema files resolve its references) or the title of a bundled WooshPay schema.
/// </summary>
internal static class ValidateCommand
{
    public const string Usage = "validate <schema-file | bundled title> <payload.json>... [--format json]";

    public static int Run(string[] args) => CommandLine.Run(() =>
    {
        var line = CommandLine.Parse("validate", args);
        if (line.Positional.Count < 2)
        {
            throw new InputException("validate: usage: wooshpay-contracts " + Usage);
        }

        var (set, schema) = Resolve(line.Positional[0]);
        var results = line.Positional.Skip(1).Select(path => (Path: path, Result: set.Validate(schema, ReadPayload(path)))).ToList();
        if (line.Json)
        {
            CommandLine.WriteJson(w => WriteJson(w, results));
        }
        else
        {
            foreach (var (path, result) in results)
            {
                Console.WriteLine(result.IsValid ? $"{path}: valid ({schema.Nodes[0].Title})" : $"{path}: {result.Errors.Count} error(s) against {schema.Nodes[0].Title}");
                foreach (var error in result.Errors)
                {
                    Console.WriteLine($"  {(error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation)}: {error.Message} [{error.KeywordLocation}]");
                }
            }
        }

        return results.All(r => r.Result.IsValid) ? Program.Clean : Program.Findings;
    });

    /// <summary>A schema file (with its folder) or a bundled title.</summary>
    public static (ContractSet Set, SchemaFileSpec Schema) Resolve(string schema)
    {
        if (File.Exists(schema))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(schema))!;
            var set = CommandLine.Usable(ContractSet.From(CommandLine.ReadSchemas(folder, "validate")), "validate");
            return (set, set.Files.First(f => Path.GetFullPath(f.FilePath) == Path.GetFullPath(schema)));
        }

        var bundled = ContractSet.Bundled();
        if (bundled.FindByTitle(schema) is { } found)
        {
            return (bundled, found);
        }

        throw new InputException($"'{schema}' is neither a schema file nor a bundled schema (bundled: {string.Join(", ", bundled.Titles.Order(StringComparer.Ordinal))}).");
    }

    private static string ReadPayload(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"validate: payload file '{path}' does not exist.");
        }

        return File.ReadAllText(path);
    }

    private static void WriteJson(Utf8JsonWriter w, List<(string Path, ValidationResult Result)> results)
    {
        // One entry per payload; "result" is the JSON Schema 2020-12 "basic" output unit.
        w.WriteStartArray();
        foreach (var (path, result) in results)
        {
            w.WriteStartObject();
            w.WriteString("payload", path);
            w.WritePropertyName("result");
            result.WriteBasicOutput(w);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
