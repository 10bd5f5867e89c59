using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Emit;
using WooshPay.Contracts.Generator.Linking;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;

namespace WooshPay.Contracts.Generator;

/// <summary>
/// Turns every <c>*.schema.json</c> AdditionalFile into typed models, extensible enums and validators.
/// Pipeline: read options and files, parse each file on its own (cached per file), link all files
/// together (references and type names), then emit one source per schema file and per type.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractGenerator : IIncrementalGenerator
{
    private const string SchemaFileSuffix = ".schema.json";
    private const string PropertyPrefix = "build_property.WooshPayContracts";
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    private static readonly string s_toolVersion = ReadToolVersion();

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => ReadEmitOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var allInputs = context.AdditionalTextsProvider
            .Where(file => file.Path.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, ct) => ReadInput(pair.Left, pair.Right.GetOptions(pair.Left), ct));

        // Baseline files (the previous published contract) are compared with, never generated from.
        var inputs = allInputs.Where(input => !input.IsBaseline).WithTrackingName(TrackingNames.SchemaFiles);
        var baseline = allInputs.Where(input => input.IsBaseline).Select((input, _) => Parse(input));

        var parsed = inputs
            .Select((input, _) => Parse(input))
            .WithTrackingName(TrackingNames.Parse);

        var linked = parsed.Collect()
            .Select((files, _) => Link(files))
            .WithTrackingName(TrackingNames.Link);

        var schemaClasses = linked.SelectMany((result, _) => result.SchemaFiles).WithTrackingName(TrackingNames.SchemaClasses);
        var models = linked.SelectMany((result, _) => result.Models).WithTrackingName(TrackingNames.Models);
        var enums = linked.SelectMany((result, _) => result.Enums).WithTrackingName(TrackingNames.Enums);
        var compiledValidators = linked.SelectMany((result, _) => result.CompiledValidators).WithTrackingName(TrackingNames.CompiledValidators);

        // Diagnostics travel apart from sources, so a moved location never invalidates generated code.
        context.RegisterSourceOutput(parsed.Select((file, _) => file.Diagnostics), ReportAll);
        context.RegisterSourceOutput(linked.Select((result, _) => result.Diagnostics), ReportAll);
        var baselineFolder = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => provider.GlobalOptions.TryGetValue(PropertyPrefix + "Baseline", out var folder) ? folder : null);
        context.RegisterSourceOutput(parsed.Collect().Combine(baseline.Collect()).Combine(baselineFolder)
            .Select((pair, _) => Evolution.BaselineCheck.Run(pair.Left.Left, pair.Left.Right, pair.Right)), ReportAll);

        context.RegisterSourceOutput(schemaClasses.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.ClassName, () => SchemaEmitter.Emit(pair.Left, pair.Right), pair.Left.FilePath));
        context.RegisterSourceOutput(compiledValidators.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.ClassName + ".Validate", () => CompiledValidatorEmitter.Emit(pair.Left, pair.Right), null));
        context.RegisterSourceOutput(models.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.Name, () => ModelEmitter.Emit(pair.Left, pair.Right), null));
        context.RegisterSourceOutput(enums.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.Name, () => EnumEmitter.Emit(pair.Left, pair.Right), null));

        // Support types are emitted once, and only into compilations that have schemas.
        var hasSchemas = inputs.Collect().Select((files, _) => !files.IsEmpty);
        context.RegisterSourceOutput(options.Combine(hasSchemas), (spc, pair) =>
        {
            if (!pair.Right)
            {
                return;
            }

            // Every generated file starts with this namespace: a bad one is one clear error, not hundreds of compiler errors.
            if (pair.Left.Namespace.Split('.').Any(part => !SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None))
            {
                spc.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, null,
                    "WooshPayContractsNamespace", $"a C# namespace such as Acme.Payments.Contracts, not '{pair.Left.Namespace}'").ToDiagnostic());
                return;
            }

            foreach (var (name, source) in RuntimeEmitter.Emit(pair.Left))
            {
                AddSource(spc, name, () => source, null);
            }
        });
    }

    private static EmitOptions ReadEmitOptions(AnalyzerConfigOptions global)
    {
        string? Get(string name) => global.TryGetValue(PropertyPrefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        bool Flag(string name, bool fallback) => Get(name) is { } value ? string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) : fallback;

        return new EmitOptions(
            Namespace: Get("Namespace") ?? "WooshPay.Contracts",
            PublicTypes: !string.Equals(Get("Accessibility"), "internal", StringComparison.OrdinalIgnoreCase),
            Strict: Flag("Strict", fallback: false),
            AssertFormats: Flag("AssertFormats", fallback: true),
            ToolVersion: s_toolVersion);
    }

    private static SchemaFileInput ReadInput(AdditionalText file, AnalyzerConfigOptions options, CancellationToken ct)
    {
        var text = file.GetText(ct)?.ToString();
        var uri = options.TryGetValue(MetadataPrefix + "SchemaUri", out var declared) && !string.IsNullOrWhiteSpace(declared)
            ? declared.Trim()
            : FileUri(file.Path);
        var generateModels = !(options.TryGetValue(MetadataPrefix + "GenerateModels", out var models)
            && string.Equals(models?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        var typeName = options.TryGetValue(MetadataPrefix + "TypeName", out var declaredName) && !string.IsNullOrWhiteSpace(declaredName)
            ? NameHelper.ToPascalCase(declaredName)
            : null;
        var isBaseline = options.TryGetValue(MetadataPrefix + "ContractBaseline", out var baseline)
            && string.Equals(baseline?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new SchemaFileInput(file.Path, text, uri, new SchemaFileOptions(generateModels, typeName)) { IsBaseline = isBaseline };
    }

    private static SchemaFileSpec Parse(SchemaFileInput input)
    {
        var className = NameHelper.SchemaClassName(input.Path, input.Options.TypeName);
        if (input.Text is null)
        {
            return Failed(input, className, "the file could not be read");
        }

        try
        {
            return SchemaParser.Parse(input.Path, input.Text, input.RetrievalUri, input.Options);
        }
        catch (Exception e)
        {
            return Failed(input, className, e.GetType().Name + ": " + e.Message);
        }
    }

    private static SchemaFileSpec Failed(SchemaFileInput input, string className, string reason)
    {
        var location = new LocationInfo(input.Path, default, default);
        var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location, reason);
        return new SchemaFileSpec(input.Path, input.RetrievalUri, className, input.Options,
            EquatableArray<SchemaNodeSpec>.Empty, new[] { diagnostic }.ToEquatableArray());
    }

    private static LinkResult Link(ImmutableArray<SchemaFileSpec> files)
    {
        try
        {
            return SchemaLinker.Link(files);
        }
        catch (Exception e)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, "linking schema files failed: " + e.GetType().Name + ": " + e.Message);
            return new LinkResult(EquatableArray<SchemaFileEmitSpec>.Empty, EquatableArray<ModelTypeSpec>.Empty,
                EquatableArray<EnumTypeSpec>.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static void AddSource(SourceProductionContext context, string name, Func<string> emit, string? schemaPath)
    {
        try
        {
            context.AddSource(name + ".g.cs", emit());
        }
        catch (Exception e)
        {
            var location = schemaPath is null ? null : new LocationInfo(schemaPath, default, default);
            context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location,
                $"emitting {name} failed: {e.GetType().Name}: {e.Message}").ToDiagnostic());
        }
    }

    private static void ReportAll(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static string FileUri(string path)
    {
        // Kept readable (not percent-encoded) so a relative "$ref": "결제.schema.json" matches; '#' and '?' would end the path.
        var normalized = path.Replace('\\', '/').Replace("%", "%25").Replace("#", "%23").Replace("?", "%3F");
        return "file://" + (normalized.StartsWith("/", StringComparison.Ordinal) ? string.Empty : "/") + normalized;
    }

    private static string ReadToolVersion()
    {
        var informational = typeof(ContractGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? typeof(ContractGenerator).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}

/// <summary>One schema file as the pipeline first sees it: plain data, so it compares by value.</summary>
internal sealed record SchemaFileInput(string Path, string? Text, string RetrievalUri, SchemaFileOptions Options)
{
    /// <summary>A file of the contract baseline (metadata ContractBaseline="true"): diffed against, not generated from.</summary>
    public bool IsBaseline { get; init; }
}
