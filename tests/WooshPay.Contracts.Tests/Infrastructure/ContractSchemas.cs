namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>The repository's schemas run through the generator once and shared by the tests that need them.</summary>
public static class ContractSchemas
{
    private static readonly Lazy<GeneratorOutput> s_output = new(() => GeneratorHarness.Run(Inputs()));
    private static readonly Lazy<System.Reflection.Assembly> s_assembly = new(() => GeneratorHarness.Load(Output.Compilation));

    public static GeneratorOutput Output => s_output.Value;

    public static System.Reflection.Assembly Assembly => s_assembly.Value;

    /// <summary>Every *.schema.json under schemas/, as the MSBuild integration would pass them.</summary>
    public static IReadOnlyList<SchemaInput> Inputs()
        => Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SchemaInput(p, File.ReadAllText(p)))
            .ToList();

    /// <summary>The schema file (name under schemas/) that checks a sample payload, by the samples' naming convention.</summary>
    public static string SchemaFileFor(string payloadFileName)
    {
        // <object>.create[.variant].request.json -> <object>.create.request schema; *.response.json -> <object> schema.
        var name = Path.GetFileName(payloadFileName);
        var objectName = name.Substring(0, name.IndexOf(".create", StringComparison.Ordinal));
        return name.EndsWith(".request.json", StringComparison.Ordinal) ? objectName + ".create.request.schema.json" : objectName + ".schema.json";
    }

    /// <summary>The schema class that checks a sample payload, by the samples' naming convention.</summary>
    public static string SchemaClassFor(string payloadFileName) => SchemaClassForFile(SchemaFileFor(payloadFileName));

    /// <summary>The generated class for a schema file (name under schemas/): its title + "Schema".</summary>
    public static string SchemaClassForFile(string schemaFile)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, schemaFile)));
        return document.RootElement.GetProperty("title").GetString() + "Schema";
    }
}
