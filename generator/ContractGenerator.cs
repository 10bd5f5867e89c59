using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Emit;
using WooshPay.Contracts.Generator.Linking;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;
using WooshPay.Contracts.Generator.Parsing.OpenApi;
using WooshPay.Contracts.Generator.Settings;

namespace WooshPay.Contracts.Generator;

/// <summary>
/// Turns every <c>*.schema.json</c> AdditionalFile (and every component schema of a <c>*.openapi.json</c> one) into typed models, extensible enums and validators.
/// Pipeline: read options and files, parse each file on its own (cached per file), link all files
/// together (references and type names), then emit one source per schema file and per type.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractGenerator : IIncrementalGenerator
{
    private const string SchemaFileSuffix = ".schema.json";

    private static readonly string s_toolVersion = ReadToolVersion();

    private readonly Func<SchemaFileInput, SchemaFileSpec> _parse;

    /// <summary>Creates the generator; the compiler calls this.</summary>
    public ContractGenerator()
        : this(input => SchemaParser.Parse(input.Path, input.Text!, input.RetrievalUri, input.Options))
    {
    }

    /// <summary>Replaces the parser, so tests can make it fail and see the failure become WPC010.</summary>
    internal ContractGenerator(Func<SchemaFileInput, SchemaFileSpec> parse) => _parse = parse;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => SettingsReader.ReadGlobal(provider.GlobalOptions, s_toolVersion))
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

        // OpenAPI documents: every components/schemas entry is a schema file of its own for the linker.
        var openApiInputs = context.AdditionalTextsProvider
            .Where(file => OpenApiDocumentReader.IsOpenApiFile(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, ct) => ReadInput(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .WithTrackingName(TrackingNames.OpenApiDocuments);
        var openApiParsed = openApiInputs
            .Select((input, _) => ReadOpenApi(input))
            .WithTrackingName(TrackingNames.ParseOpenApi);

        // Every output waits for valid settings: a bad one is one WPC012 error and no generated code.
        var filesValid = inputs.Select((input, _) => input.SettingProblems.IsEmpty).Collect()
            .Combine(openApiInputs.Select((input, _) => input.SettingProblems.IsEmpty).Collect())
            .Select((pair, _) => pair.Left.All(valid => valid) && pair.Right.All(valid => valid));
        var options = settings.Combine(filesValid)
            .Select((pair, _) => pair.Left.Problems.IsEmpty && pair.Right ? pair.Left.Options : null);

        var linked = parsed.Collect()
            .Combine(openApiParsed.Collect())
            .Select((pair, _) => Link(pair.Left.AddRange(pair.Right.SelectMany(document => document.Components))))
            .WithTrackingName(TrackingNames.Link);

        var schemaClasses = linked.SelectMany((result, _) => result.SchemaFiles).WithTrackingName(TrackingNames.SchemaClasses);
        var models = linked.SelectMany((result, _) => result.Models).WithTrackingName(TrackingNames.Models);
        var enums = linked.SelectMany((result, _) => result.Enums).WithTrackingName(TrackingNames.Enums);
        var compiledValidators = linked.SelectMany((result, _) => result.CompiledValidators).WithTrackingName(TrackingNames.CompiledValidators);
        var operations = openApiParsed.Combine(linked)
            .Select((pair, _) => OperationLinker.Link(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Operations);

        // Diagnostics travel apart from sources, so a moved location never invalidates generated code.
        context.RegisterSourceOutput(parsed.Select((file, _) => file.Diagnostics), ReportAll);
        context.RegisterSourceOutput(linked.Select((result, _) => result.Diagnostics), ReportAll);
        var baselineFolder = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => SettingsReader.ReadBaselineFolder(provider.GlobalOptions));
        context.RegisterSourceOutput(parsed.Collect().Combine(baseline.Collect()).Combine(baselineFolder)
            .Select((pair, _) => Evolution.BaselineCheck.Run(pair.Left.Left, pair.Left.Right, pair.Right)), ReportAll);
        context.RegisterSourceOutput(openApiParsed.Select((document, _) => document.Diagnostics
            .Concat(document.Components.SelectMany(component => component.Diagnostics)).ToEquatableArray()), ReportAll);
        context.RegisterSourceOutput(inputs.Select((input, _) => input.SettingProblems), ReportAll);
        context.RegisterSourceOutput(openApiInputs.Select((input, _) => input.SettingProblems), ReportAll);

        // Project-wide setting errors are reported once, and only into compilations that have schemas or OpenAPI documents.
        var hasSchemas = inputs.Collect().Combine(openApiInputs.Collect()).Select((pair, _) => !pair.Left.IsEmpty || !pair.Right.IsEmpty);
        context.RegisterSourceOutput(settings.Combine(hasSchemas), (spc, pair) =>
        {
            if (pair.Right)
            {
                ReportAll(spc, pair.Left.Problems);
            }
        });

        context.RegisterSourceOutput(schemaClasses.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.ClassName, pair.Right, options => SchemaEmitter.Emit(pair.Left, options), pair.Left.FilePath));
        context.RegisterSourceOutput(compiledValidators.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.ClassName + ".Validate", pair.Right, options => CompiledValidatorEmitter.Emit(pair.Left, options), null));
        context.RegisterSourceOutput(models.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.Name, pair.Right, options => ModelEmitter.Emit(pair.Left, options), null));
        context.RegisterSourceOutput(enums.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.Name, pair.Right, options => EnumEmitter.Emit(pair.Left, options), null));
        context.RegisterSourceOutput(operations.Combine(options), (spc, pair) =>
        {
            if (pair.Left is { } document)
            {
                AddSource(spc, document.ClassName, pair.Right, options => OperationsEmitter.Emit(document, options), document.FilePath);
            }
        });

        // Support types are emitted once, only into compilations that have schemas, and only the parts the linker found used.
        var support = linked.Select((result, _) => result.Support);
        context.RegisterSourceOutput(options.Combine(hasSchemas).Combine(support), (spc, pair) =>
        {
            var ((emitOptions, any), parts) = pair;
            if (emitOptions is null || !any)
            {
                return;
            }

            foreach (var (name, source) in RuntimeEmitter.Emit(emitOptions, parts))
            {
                AddSource(spc, name, emitOptions, _ => source, null);
            }
        });

        // Webhook verification returns the event model, so it is emitted only where a schema defines that model.
        var hasEvent = models.Collect().Select((all, _) => all.Any(model => model.Name == WebhookEmitter.EventTypeName));
        context.RegisterSourceOutput(options.Combine(hasEvent), (spc, pair) =>
        {
            if (pair.Left is not null && pair.Right)
            {
                var (name, source) = WebhookEmitter.Emit(pair.Left);
                AddSource(spc, name, pair.Left, _ => source, null);
            }
        });
    }

    private static SchemaFileInput ReadInput(AdditionalText file, AnalyzerConfigOptions options, CancellationToken ct)
    {
        var text = file.GetText(ct)?.ToString();
        var problems = new List<DiagnosticInfo>();
        var fileOptions = SettingsReader.ReadFile(file.Path, options, problems, out var declaredUri);
        var isBaseline = SettingsReader.ReadIsBaseline(file.Path, options, problems);
        return new SchemaFileInput(file.Path, text, declaredUri ?? FileUri(file.Path), fileOptions, problems.ToEquatableArray()) { IsBaseline = isBaseline };
    }

    private SchemaFileSpec Parse(SchemaFileInput input)
    {
        if (input.Text is null)
        {
            return Failed(input, "the file could not be read");
        }

        try
        {
            return _parse(input);
        }
        catch (Exception e)
        {
            return Failed(input, e.GetType().Name + ": " + e.Message);
        }
    }

    private static OpenApiDocumentSpec ReadOpenApi(SchemaFileInput input)
    {
        try
        {
            return OpenApiDocumentReader.Read(input.Path, input.Text, input.RetrievalUri, input.Options);
        }
        catch (Exception e)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, new LocationInfo(input.Path, default, default), e.GetType().Name + ": " + e.Message);
            return new OpenApiDocumentSpec(input.Path, EquatableArray<SchemaFileSpec>.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static SchemaFileSpec Failed(SchemaFileInput input, string reason)
    {
        var location = new LocationInfo(input.Path, default, default);
        var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location, reason);
        return new SchemaFileSpec(input.Path, input.RetrievalUri, input.Options,
            EquatableArray<SchemaNodeSpec>.Empty, EquatableArray<NodePositions>.Empty, new[] { diagnostic }.ToEquatableArray());
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

    private static void AddSource(SourceProductionContext context, string name, EmitOptions? options, Func<EmitOptions, string> emit, string? schemaPath)
    {
        if (options is null)
        {
            return;
        }

        try
        {
            context.AddSource(name + ".g.cs", emit(options));
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
/// <param name="SettingProblems">WPC012 errors of the file's AdditionalFiles metadata.</param>
internal sealed record SchemaFileInput(string Path, string? Text, string RetrievalUri, SchemaFileOptions Options, EquatableArray<DiagnosticInfo> SettingProblems)
{
    /// <summary>A file of the contract baseline (metadata ContractBaseline="true"): diffed against, not generated from.</summary>
    public bool IsBaseline { get; init; }
}
