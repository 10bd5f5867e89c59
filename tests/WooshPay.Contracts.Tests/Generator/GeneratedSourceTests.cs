using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>The code generated from the repository's schemas: reviewed snapshots, and it compiles cleanly.</summary>
public sealed class GeneratedSourceTests
{
    private const string FixedVersion = "FIXED_VERSION";

    public static TheoryData<string> HintNames()
    {
        var data = new TheoryData<string>();
        // Support types are checked-in C# (generator/Runtime); snapshots cover what the schemas produce.
        foreach (var source in ContractSchemas.Output.Sources.Where(s => !s.HintName.StartsWith("Runtime.", StringComparison.Ordinal) || s.HintName.Contains("ContractDefaults")))
        {
            data.Add(source.HintName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Generated_source_matches_the_reviewed_snapshot(string hintName)
    {
        var source = ContractSchemas.Output.Sources.Single(s => s.HintName == hintName).SourceText.ToString();
        var version = typeof(WooshPay.Contracts.Generator.ContractGenerator).Assembly.GetName().Version!.ToString(3);

        SnapshotAssert.Match(source.Replace($"\"{version}\"", $"\"{FixedVersion}\""), "generated." + hintName);
    }

    [Fact]
    public void The_contract_schemas_produce_no_diagnostics_and_code_that_compiles_without_warnings()
    {
        var output = ContractSchemas.Output;

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("public", "false", "true")]
    [InlineData("internal", "true", "false")]
    public void Every_setting_combination_compiles_without_warnings_with_xml_docs_checked(string accessibility, string strict, string assertFormats)
    {
        var options = new Dictionary<string, string>
        {
            ["WooshPayContractsNamespace"] = "Acme.Payments.Contracts",
            ["WooshPayContractsAccessibility"] = accessibility,
            ["WooshPayContractsStrict"] = strict,
            ["WooshPayContractsAssertFormats"] = assertFormats,
        };
        var compilation = GeneratorHarness.CreateCompilation(string.Empty);
        var documented = compilation.WithOptions(compilation.Options)
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(string.Empty,
                new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose), path: "User.cs"));

        var output = GeneratorHarness.Run(ContractSchemas.Inputs(), options, compilation: documented);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
        Assert.Contains(output.Sources, s => s.SourceText.ToString().Contains("namespace Acme.Payments.Contracts;"));
    }
}
