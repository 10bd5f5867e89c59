using Xunit;
using WooshPay.Contracts.Generator.Evolution;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.Evolution;

/// <summary>Schema versions for the evolution tests: parsed with the generator's parser, compared with its diff engine.</summary>
internal static class EvolutionFixtures
{
    public static string VersionsFolder => Path.Combine(RepoPaths.TestsProject, "Evolution", "Versions");

    /// <summary>The versions in order; each step (v1 to v2, v2 to v3) is one realistic contract change.</summary>
    public static readonly string[] Versions = ["v1", "v2", "v3"];

    public static ContractDocument Document(string name, string text)
    {
        var path = "/contracts/" + name;
        var spec = SchemaParser.Parse(path, text, "file://" + path, new SchemaFileOptions(GenerateModels: true, TypeName: null));
        Assert.True(spec.Diagnostics.IsEmpty, string.Join(Environment.NewLine, spec.Diagnostics.Select(d => d.ToDiagnostic().ToString())));
        return new ContractDocument(name, spec);
    }

    /// <summary>The schema files of one version folder, named by file name.</summary>
    public static IReadOnlyList<SchemaInput> Inputs(string version)
        => Directory.GetFiles(Path.Combine(VersionsFolder, version), "*.schema.json").Order(StringComparer.Ordinal)
            .Select(f => new SchemaInput(f, File.ReadAllText(f)))
            .ToList();

    public static IReadOnlyList<ContractDocument> Documents(string version)
        => Inputs(version).Select(i => Document(Path.GetFileName(i.Path), i.Text)).ToList();

    public static IReadOnlyList<ContractChange> Diff(string from, string to) => ContractDiff.Compare(Documents(from), Documents(to));
}
