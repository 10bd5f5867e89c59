using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Linking;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Settings;

/// <summary>The project-wide settings and the WPC012 errors found while reading them.</summary>
internal sealed record GlobalSettings(EmitOptions Options, EquatableArray<DiagnosticInfo> Problems);

/// <summary>
/// Reads the MSBuild properties and per-file AdditionalFiles metadata. Every value is checked: an empty value means
/// "use the default", an unknown one is a WPC012 error naming the setting and what it accepts. The generator emits
/// nothing while any setting is invalid, so a typo is one error rather than a flood of compiler errors.
/// </summary>
internal static class SettingsReader
{
    private const string PropertyPrefix = "build_property.";
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";
    private const string TrueOrFalse = "true or false";

    public static GlobalSettings ReadGlobal(AnalyzerConfigOptions global, string toolVersion)
    {
        var problems = new List<DiagnosticInfo>();
        string? Get(string name) => Value(global, PropertyPrefix + name);

        const string namespaceSetting = "WooshPayContractsNamespace";
        var ns = Get(namespaceSetting) ?? "WooshPay.Contracts";
        if (!IsNamespace(ns))
        {
            problems.Add(Problem(null, namespaceSetting, $"a C# namespace such as Acme.Payments.Contracts, not '{ns}'"));
        }

        var publicTypes = Choice(Get, "WooshPayContractsAccessibility", "public", "internal", "public or internal", problems) ?? true;
        var strict = Choice(Get, "WooshPayContractsStrict", "true", "false", TrueOrFalse, problems) ?? false;
        var assertFormats = Choice(Get, "WooshPayContractsAssertFormats", "true", "false", TrueOrFalse, problems) ?? true;

        return new GlobalSettings(new EmitOptions(ns, publicTypes, strict, assertFormats, toolVersion), problems.ToEquatableArray());
    }

    /// <summary>The per-file settings of one schema file; <paramref name="problems"/> receives their errors.</summary>
    public static SchemaFileOptions ReadFile(string path, AnalyzerConfigOptions options, List<DiagnosticInfo> problems, out string? schemaUri)
    {
        var location = new LocationInfo(path, default, default);
        string? Get(string name) => Value(options, MetadataPrefix + name);

        var generateModels = Choice(Get, "GenerateModels", "true", "false", TrueOrFalse + $" (metadata of {FileName(path)})", problems, location) ?? true;

        string? typeName = null;
        if (Get("TypeName") is { } declaredName)
        {
            typeName = NameHelper.ToPascalCase(declaredName);
            if (typeName is null)
            {
                problems.Add(Problem(location, "TypeName", $"a type name such as PaymentIntent (metadata of {FileName(path)}), not '{declaredName}'"));
            }
        }

        schemaUri = Get("SchemaUri");
        if (schemaUri is not null && !IsBaseUri(schemaUri))
        {
            problems.Add(Problem(location, "SchemaUri", $"an absolute URI without a fragment, such as https://schemas.example.com/a.schema.json (metadata of {FileName(path)}), not '{schemaUri}'"));
            schemaUri = null;
        }

        return new SchemaFileOptions(generateModels, typeName);
    }

    /// <summary>The folder named by <c>WooshPayContractsBaseline</c>, or null when the project sets none.</summary>
    public static string? ReadBaselineFolder(AnalyzerConfigOptions global) => Value(global, PropertyPrefix + "WooshPayContractsBaseline");

    /// <summary>Whether a schema file belongs to the contract baseline (metadata <c>ContractBaseline</c>, which the build sets).</summary>
    public static bool ReadIsBaseline(string path, AnalyzerConfigOptions options, List<DiagnosticInfo> problems)
        => Choice(name => Value(options, MetadataPrefix + name), "ContractBaseline", "true", "false",
            TrueOrFalse + $" (metadata of {FileName(path)})", problems, new LocationInfo(path, default, default)) ?? false;

    private static bool? Choice(Func<string, string?> get, string setting, string yes, string no, string allowed, List<DiagnosticInfo> problems, LocationInfo? location = null)
    {
        switch (get(setting))
        {
            case null:
                return null;
            case var value when string.Equals(value, yes, StringComparison.OrdinalIgnoreCase):
                return true;
            case var value when string.Equals(value, no, StringComparison.OrdinalIgnoreCase):
                return false;
            case var value:
                problems.Add(Problem(location, setting, $"{allowed}, not '{value}'"));
                return null;
        }
    }

    private static string? Value(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static DiagnosticInfo Problem(LocationInfo? location, string setting, string expected)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, location, setting, expected);

    // Every generated file starts with this namespace, so each part must be an identifier and not a keyword.
    private static bool IsNamespace(string ns)
        => ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);

    private static bool IsBaseUri(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Fragment.Length == 0 && text.IndexOf('#') < 0;

    private static string FileName(string path) => System.IO.Path.GetFileName(path);
}
