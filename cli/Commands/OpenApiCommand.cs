using WooshPay.Contracts.Tool.OpenApi;

namespace WooshPay.Contracts.Tool.Commands;

/// <summary><c>wooshpay-contracts openapi export [--version 3.1|3.0] [-o FILE] [--format json]</c>.</summary>
internal static class OpenApiCommand
{
    private const string Usage = """
        Usage: wooshpay-contracts openapi export [--version 3.1|3.0] [-o FILE] [--format json]

        Writes the WooshPay API description (OpenAPI 3.1 by default; 3.0 is down-converted) to FILE, or to
        standard output. Where OpenAPI 3.0 cannot express a schema exactly, a note goes to standard error
        (as a JSON array with --format json).
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] != "export")
        {
            Console.Error.WriteLine(Usage);
            return Program.UsageOrInputError;
        }

        var version = OpenApiVersion.V31;
        string? output = null;
        var json = false;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--version" when value is "3.1" or "3.0":
                    version = value == "3.1" ? OpenApiVersion.V31 : OpenApiVersion.V30;
                    i++;
                    break;
                case "-o" or "--output" when value is not null:
                    output = value;
                    i++;
                    break;
                case "--format" when value is "json" or "text":
                    json = value == "json";
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"wooshpay-contracts openapi: unexpected argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return Program.UsageOrInputError;
            }
        }

        var export = OpenApiExporter.Export(version);
        if (output is null)
        {
            Console.Out.Write(export.Json);
        }
        else
        {
            try
            {
                File.WriteAllText(output, export.Json);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"wooshpay-contracts openapi: cannot write {output}: {e.Message}");
                return Program.UsageOrInputError;
            }
        }

        if (json)
        {
            Console.Error.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                export.Notes.Select(n => new Dictionary<string, string> { ["location"] = n.Location, ["message"] = n.Message })));
        }
        else
        {
            foreach (var note in export.Notes)
            {
                Console.Error.WriteLine($"note: {note.Location}: {note.Message}");
            }
        }

        return Program.Clean;
    }
}
