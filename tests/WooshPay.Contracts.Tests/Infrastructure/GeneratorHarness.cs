using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WooshPay.Contracts.Generator;

namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>A schema file handed to the generator, with optional per-file MSBuild metadata.</summary>
public sealed record SchemaInput(string Path, string Text, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorOutput(
    GeneratorDriver Driver,
    Compilation Compilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult)
{
    public IEnumerable<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(r => r.GeneratedSources);

    /// <summary>Compiler errors and warnings of the compilation that includes the generated code.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}

/// <summary>
/// Drives the generator the way the compiler does (CSharpGeneratorDriver), against .NET 8
/// reference assemblies with nullable on and C# 12, then compiles and loads the result.
/// </summary>
public static class GeneratorHarness
{
    public const string DefaultNamespace = "WooshPay.Contracts";

    public static GeneratorOutput Run(
        IEnumerable<SchemaInput> schemas,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        string userSource = "",
        GeneratorDriver? previous = null,
        CSharpCompilation? compilation = null,
        ContractGenerator? generator = null)
    {
        var inputs = schemas.ToList();
        var texts = inputs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>(), inputs);
        compilation ??= CreateCompilation(userSource);

        var driver = previous is null
            ? CSharpGeneratorDriver.Create(
                new[] { (generator ?? new ContractGenerator()).AsSourceGenerator() },
                texts,
                (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
                options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            : previous.ReplaceAdditionalTexts(texts).WithUpdatedAnalyzerConfigOptions(options);

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorOutput(driver, output, diagnostics, driver.GetRunResult());
    }

    public static CSharpCompilation CreateCompilation(string userSource, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        return CSharpCompilation.Create(
            "ContractsUnderTest",
            new[] { CSharpSyntaxTree.ParseText(userSource, parseOptions, path: "User.cs") },
            Net80.References.All,
            new CSharpCompilationOptions(
                kind,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));
    }

    /// <summary>Emits the compilation and loads it into its own collectible context; fails on any error.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20));
            throw new InvalidOperationException("The generated code does not compile:" + Environment.NewLine + errors);
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("contracts-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyList<SchemaInput> inputs)
        : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(
            global.ToDictionary(kv => kv.Key.StartsWith("build_", StringComparison.Ordinal) ? kv.Key : "build_property." + kv.Key, kv => kv.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var input = inputs.FirstOrDefault(i => i.Path == textFile.Path);
            return input?.Metadata is null
                ? DictionaryOptions.Empty
                : new DictionaryOptions(input.Metadata.ToDictionary(kv => "build_metadata.AdditionalFiles." + kv.Key, kv => kv.Value));
        }
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value)
        {
            var found = values.TryGetValue(key, out var v);
            value = v ?? string.Empty;
            return found;
        }
    }
}
