using System.Collections.Immutable;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WooshPay.Contracts.PackageTests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.PackageTests;

/// <summary>
/// The IDE's view: the generator loaded from the package's analyzers/dotnet/cs folder only, through
/// an <see cref="AnalyzerFileReference"/> (which reports load failures as the IDE shows them), run
/// by a newer Roslyn than it was built against, over the packaged schemas.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class GeneratorLoadTests(PackedPackages packages)
{
    [Fact]
    public void Packed_generator_loads_in_isolation_and_generates_from_the_packaged_schemas()
    {
        var generatorFolder = Path.Combine(packages.Extract(packages.GeneratorPackage), "analyzers", "dotnet", "cs");
        var schemaFiles = Directory.GetFiles(Path.Combine(packages.Extract(packages.SchemasPackage), "schemas"), "*.schema.json");
        Assert.Equal(Directory.GetFiles(Path.Combine(packages.RepoRoot, "schemas"), "*.schema.json").Length, schemaFiles.Length);

        var loader = new IsolatedAnalyzerLoader(generatorFolder);
        try
        {
            var loadFailures = new List<string>();
            var generators = Directory.GetFiles(generatorFolder, "*.dll")
                .SelectMany(path =>
                {
                    var reference = new AnalyzerFileReference(path, loader);
                    reference.AnalyzerLoadFailed += (_, e) => loadFailures.Add($"{e.ErrorCode} {e.TypeName}: {e.Message} {e.Exception}");
                    return reference.GetGenerators(LanguageNames.CSharp);
                })
                .ToList();

            Assert.True(loadFailures.Count == 0, "Loading the packed generator failed:" + Environment.NewLine + string.Join(Environment.NewLine, loadFailures));
            var generator = Assert.Single(generators);
            Assert.Same(loader.Context, AssemblyLoadContext.GetLoadContext(generator.GetGeneratorType().Assembly));

            var program = CSharpSyntaxTree.ParseText("""
                using WooshPay.Contracts;

                public static class Usage
                {
                    public static bool Check() =>
                        PaymentIntentCreateRequest.Parse("{\"amount\":1,\"currency\":\"CNY\"}").Amount == 1
                        && TerminalType.Web.IsKnown
                        && PaymentIntentCreateRequestSchema.Validate("{}").IsValid == false;
                }
                """, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Usage.cs");
            var compilation = CSharpCompilation.Create("IdeCheck", [program], Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                [generator],
                schemaFiles.Select(f => (AdditionalText)new FileText(f)),
                (CSharpParseOptions)program.Options,
                optionsProvider: null);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);

            var run = driver.GetRunResult();
            var result = Assert.Single(run.Results);
            Assert.True(result.Exception is null, "The generator threw: " + result.Exception);
            // CS8784/CS8785 (generator failed to initialize/run) and any WPC diagnostic on the shipped schemas.
            Assert.True(driverDiagnostics.IsEmpty, "Generator diagnostics:" + Environment.NewLine + string.Join(Environment.NewLine, driverDiagnostics));
            Assert.True(loader.Refused.Count == 0, "The generator needed assemblies that are not in the package: " + string.Join(", ", loader.Refused));

            var hintNames = result.GeneratedSources.Select(s => s.HintName).ToImmutableHashSet();
            var expected = schemaFiles.Select(SchemaClassHintName)
                .Concat(["PaymentIntentCreateRequest.g.cs", "PaymentIntent.g.cs", "CheckoutSessionCreateRequest.g.cs", "RefundCreateRequest.g.cs",
                    "TerminalType.g.cs", "PaymentMethodType.g.cs", "Runtime.ValidationResult.g.cs"]);
            Assert.All(expected, name => Assert.True(hintNames.Contains(name),
                $"{name} was not generated; got: {string.Join(", ", hintNames.Order(StringComparer.Ordinal))}"));

            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, "The generated code does not compile cleanly:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(20)));
        }
        finally
        {
            loader.Unload();
        }
    }

    // One schema class per file, named after the file's root title: PaymentIntentCreateRequestSchema.
    private static string SchemaClassHintName(string path)
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return schema.RootElement.GetProperty("title").GetString() + "Schema.g.cs";
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
            => SourceText.From(File.ReadAllText(Path), System.Text.Encoding.UTF8);
    }
}
