using System.Collections.Immutable;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NJsonSchema.CodeGeneration.CSharp;
using WooshPay.Contracts.Generator;
using WooshPay.Contracts.Tests.OpenApi;

namespace WooshPay.Contracts.Benchmarks;

/// <summary>
/// Code generation from Stripe's OpenAPI description (775 component schemas, 452 operations): this toolkit's generator,
/// driven as the compiler drives it (CSharpGeneratorDriver, no compile of the output), against what NSwag users run
/// today: NSwag.Core's reader, then NJsonSchema.CodeGeneration.CSharp 11.6.2's CSharpGenerator over every component.
/// The cold-start job measures one first call per fresh process (JIT included), the program's short job the steady state.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, id: "ColdStart-5")]
public class OpenApiGenerationBenchmarks
{
    private const string DocumentPath = "/project/stripe.openapi.json";
    private string _document = string.Empty;
    private string _edited = string.Empty;
    private NSwag.OpenApiDocument _parsed = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = StripeDocument.Text;
        var edited = JsonNode.Parse(_document)!;
        var refund = edited["components"]!["schemas"]!["refund"]!;
        refund["description"] = refund["description"]!.GetValue<string>() + " (edited)";
        _edited = edited.ToJsonString();
        _parsed = NSwag.OpenApiDocument.FromJsonAsync(_document).GetAwaiter().GetResult();

        // What the generator emits, once, for the record (the log shows it).
        var result = Run(null, _document).GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).ToList();
        Console.WriteLine($"// Generator output on Stripe: {sources.Count} sources, {sources.Sum(s => s.SourceText.Length) / 1e6:F1} M characters, "
            + $"{result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} errors");
        Console.WriteLine($"// NJsonSchema output on Stripe: {NJsonSchemaGenerate(_parsed).Length / 1e6:F1} M characters");
    }

    [IterationSetup(Target = nameof(Generator_AfterOneComponentEdit))]
    public void WarmDriver() => _warm = Run(null, _document);

    /// <summary>Read, link and emit the whole document with a new driver: what a first build does.</summary>
    [Benchmark(Baseline = true)]
    public int Generator_FirstRun() => Run(null, _document).GetRunResult().GeneratedTrees.Length;

    /// <summary>The same document with one component's description changed, on the driver that generated the original.</summary>
    [Benchmark]
    public int Generator_AfterOneComponentEdit() => Run(_warm, _edited).GetRunResult().GeneratedTrees.Length;

    /// <summary>NSwag reads the document into its model, then NJsonSchema writes C# for every component schema.</summary>
    [Benchmark]
    public int NJsonSchema_ReadAndGenerate() => NJsonSchemaGenerate(NSwag.OpenApiDocument.FromJsonAsync(_document).GetAwaiter().GetResult()).Length;

    /// <summary>NJsonSchema's code generation alone, on a document NSwag has already read.</summary>
    [Benchmark]
    public int NJsonSchema_GenerateOnly() => NJsonSchemaGenerate(_parsed).Length;

    private static string NJsonSchemaGenerate(NSwag.OpenApiDocument document)
    {
        var settings = new CSharpGeneratorSettings { Namespace = "Stripe.Contracts" };
        var resolver = new CSharpTypeResolver(settings);
        resolver.RegisterSchemaDefinitions(document.Components.Schemas);
        // As NSwag's C# client generator writes its DTOs: every registered type, then the file around them is text only.
        return string.Concat(new CSharpGenerator(document, settings, resolver).GenerateTypes().Select(type => type.Code));
    }

    private static GeneratorDriver Run(GeneratorDriver? previous, string document)
    {
        var texts = ImmutableArray.Create<AdditionalText>(new InMemoryText(DocumentPath, document));
        var compilation = CSharpCompilation.Create("Consumer", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = previous?.ReplaceAdditionalTexts(texts)
            ?? CSharpGeneratorDriver.Create(new[] { new ContractGenerator().AsSourceGenerator() }, texts, CSharpParseOptions.Default, EmptyOptions.Provider);
        return driver.RunGenerators(compilation);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class EmptyOptions : AnalyzerConfigOptions
    {
        public static readonly AnalyzerConfigOptionsProvider Provider = new EmptyProvider();

        public override bool TryGetValue(string key, out string value)
        {
            value = string.Empty;
            return false;
        }

        private sealed class EmptyProvider : AnalyzerConfigOptionsProvider
        {
            private static readonly EmptyOptions s_empty = new();

            public override AnalyzerConfigOptions GlobalOptions => s_empty;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_empty;
        }
    }
}
