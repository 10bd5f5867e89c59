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
using WooshPay.Contracts.Generator.Settings;

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

        var inputs = context.AdditionalTextsProvider
            .Where(file => file.Path.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, ct) => ReadInput(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var parsed = inputs
            .Select((input, _) => Parse(input))
            .WithTrackingName(TrackingNames.Parse);

        // Every output waits for valid settings: a bad one is one WPC012 error and no generated code.
        var options = settings.Combine(inputs.Select((input, _) => input.SettingProblems.IsEmpty).Collect())
            .Select((pair, _) => pair.Left.Problems.IsEmpty && pair.Right.All(valid => valid) ? pair.Left.Options : null);

        var linked = parsed.Collect()
            .Select((files, _) => Link(files))
            .WithTrackingName(TrackingNames.Link);

        var schemaClasses = linked.SelectMany((result, _) => result.SchemaFiles).WithTrackingName(TrackingNames.SchemaClasses);
        var models = linked.SelectMany((result, _) => result.Models).WithTrackingName(TrackingNames.Models);
        var enums = linked.SelectMany((result, _) => result.Enums).WithTrackingName(TrackingNames.Enums);

        // Diagnostics travel apart from sources, so a moved location never invalidates generated code.
        context.RegisterSourceOutput(parsed.Select((file, _) => file.Diagnostics), ReportAll);
        context.RegisterSourceOutput(linked.Select((result, _) => result.Diagnostics), ReportAll);
        context.RegisterSourceOutput(inputs.Select((input, _) => input.SettingProblems), ReportAll);

        // Project-wide setting errors are reported once, and only into compilations that have schemas.
        var hasSchemas = inputs.Collect().Select((files, _) => !files.IsEmpty);
        context.RegisterSourceOutput(settings.Combine(hasSchemas), (spc, pair) =>
        {
            if (pair.Right)
            {
                ReportAll(spc, pair.Left.Problems);
            }
        });

        context.RegisterSourceOutput(schemaClasses.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.ClassName, pair.Right, options => SchemaEmitter.Emit(pair.Left, options), pair.Left.FilePath));
        context.RegisterSourceOutput(models.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.Name, pair.Right, options => ModelEmitter.Emit(pair.Left, options), null));
        context.RegisterSourceOutput(enums.Combine(options), (spc, pair) =>
            AddSource(spc, pair.Left.Name, pair.Right, options => EnumEmitter.Emit(pair.Left, options), null));

        // Support types are emitted once, and only into compilations that have schemas.
        context.RegisterSourceOutput(options.Combine(hasSchemas), (spc, pair) =>
        {
            if (pair.Left is null || !pair.Right)
            {
                return;
            }

            foreach (var (name, source) in RuntimeEmitter.Emit(pair.Left))
            {
                AddSource(spc, name, pair.Left, _ => source, null);
            }
        });
    }

    private static SchemaFileInput ReadInput(AdditionalText file, AnalyzerConfigOptions options, CancellationToken ct)
    {
        var text = file.GetText(ct)?.ToString();
        var problems = new List<DiagnosticInfo>();
        var fileOptions = SettingsReader.ReadFile(file.Path, options, problems, out var declaredUri);
        return new SchemaFileInput(file.Path, text, declaredUri ?? FileUri(file.Path), fileOptions, problems.ToEquatableArray());
    }

    private SchemaFileSpec Parse(SchemaFileInput input)
    {
        var className = NameHelper.SchemaClassName(input.Path, input.Options.TypeName);
        if (input.Text is null)
        {
            return Failed(input, className, "the file could not be read");
        }

        try
        {
            return _parse(input);
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
internal sealed record SchemaFileInput(string Path, string? Text, string RetrievalUri, SchemaFileOptions Options, EquatableArray<DiagnosticInfo> SettingProblems);
