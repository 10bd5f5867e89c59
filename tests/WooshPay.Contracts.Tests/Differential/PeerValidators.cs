using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJ = NJsonSchema;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.Differential;

/// <summary>What one validator said about one payload: a verdict, or that it could not give one (it threw).</summary>
public enum Verdict
{
    Valid,
    Invalid,
    Error,
}

/// <summary>A verdict with the validator's own error lines, kept for the report and for the known-difference predicates.</summary>
public sealed record PeerResult(Verdict Verdict, IReadOnlyList<string> Errors)
{
    public static PeerResult Threw(Exception e) => new(Verdict.Error, new[] { e.GetType().Name + ": " + e.Message });
}

/// <summary>
/// The schema files of schemas/, loaded once into each peer validator (the test oracles) with format
/// assertion on, plus the generated validator for the same schema. All three see the same payload text.
/// </summary>
public static class PeerValidators
{
    /// <summary>Deep enough for the deep-nesting mutations; both peers default to 64, the generated validator to 256.</summary>
    public const int MaxDepth = 256;

    private static readonly Lazy<IReadOnlyDictionary<string, Json.Schema.JsonSchema>> s_jsonSchemaNet = new(LoadJsonSchemaNet);
    private static readonly Lazy<IReadOnlyDictionary<string, NJ.JsonSchema>> s_njsonSchema = new(LoadNJsonSchema);

    private static readonly Json.Schema.EvaluationOptions s_flag = new()
    {
        RequireFormatValidation = true,
        OutputFormat = Json.Schema.OutputFormat.Flag,
    };

    private static readonly Json.Schema.EvaluationOptions s_list = new()
    {
        RequireFormatValidation = true,
        OutputFormat = Json.Schema.OutputFormat.List,
    };

    /// <summary>
    /// The schema files each peer loaded, by name; the first call loads them. A load failure is thrown here, with
    /// its own message, where the verdicts would only turn it into an <see cref="Verdict.Error"/> on every payload.
    /// </summary>
    public static (IReadOnlyList<string> NJsonSchema, IReadOnlyList<string> JsonSchemaNet) LoadedSchemaFiles()
        => (s_njsonSchema.Value.Keys.Order(StringComparer.Ordinal).ToList(), s_jsonSchemaNet.Value.Keys.Order(StringComparer.Ordinal).ToList());

    /// <summary>JsonSchema.Net 8: every schema of schemas/ built into one local registry (by its $id), format assertion required.</summary>
    public static PeerResult JsonSchemaNet(string schemaFile, string payload, bool withErrors = false)
    {
        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var schema = s_jsonSchemaNet.Value[schemaFile];
            var result = schema.Evaluate(document.RootElement, withErrors ? s_list : s_flag);
            if (result.IsValid)
            {
                return new PeerResult(Verdict.Valid, Array.Empty<string>());
            }

            var errors = withErrors
                ? (result.Details ?? new List<Json.Schema.EvaluationResults>())
                    .Where(d => d.Errors != null)
                    .SelectMany(d => d.Errors!.Select(kv => $"{d.InstanceLocation} [{d.EvaluationPath}] {kv.Key}: {kv.Value}"))
                    .ToList()
                : new List<string>();
            return new PeerResult(Verdict.Invalid, errors);
        }
        catch (Exception e)
        {
            return PeerResult.Threw(e);
        }
    }

    /// <summary>
    /// Instance locations where JsonSchema.Net reports the format <paramref name="format"/> as not matched. This
    /// includes failed alternatives of an anyOf that passed, so callers re-validate rather than trust it alone.
    /// </summary>
    public static IReadOnlyList<string> JsonSchemaNetFormatFailures(string schemaFile, string payload, string format)
    {
        using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = MaxDepth });
        var result = s_jsonSchemaNet.Value[schemaFile].Evaluate(document.RootElement, s_list);
        return (result.Details ?? new List<Json.Schema.EvaluationResults>())
            .Where(d => d.Errors != null && d.Errors.TryGetValue("format", out var message) && message.Contains('"' + format + '"', StringComparison.Ordinal))
            .Select(d => d.InstanceLocation.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>NJsonSchema 11 (a draft-04/07 validator; it asserts the formats it knows by default).</summary>
    public static PeerResult NJsonSchema(string schemaFile, string payload)
    {
        try
        {
            var schema = s_njsonSchema.Value[schemaFile];
            using var reader = new JsonTextReader(new StringReader(payload))
            {
                // As NJsonSchema's own Validate(string) reads: strings stay strings.
                DateParseHandling = DateParseHandling.None,
                MaxDepth = MaxDepth,
            };
            var token = JToken.ReadFrom(reader);
            var errors = schema.Validate(token);
            return errors.Count == 0
                ? new PeerResult(Verdict.Valid, Array.Empty<string>())
                : new PeerResult(Verdict.Invalid, errors.SelectMany(Flatten).ToList());
        }
        catch (Exception e)
        {
            return PeerResult.Threw(e);
        }
    }

    private static IEnumerable<string> Flatten(ValidationError error)
    {
        yield return $"{error.Path} {error.Kind}";
        var children = error switch
        {
            ChildSchemaValidationError child => child.Errors.Values.SelectMany(v => v),
            MultiTypeValidationError multi => multi.Errors.Values.SelectMany(v => v),
            _ => Enumerable.Empty<ValidationError>(),
        };
        foreach (var line in children.SelectMany(Flatten))
        {
            yield return "  " + line;
        }
    }

    /// <summary>JsonSchema.Net: every schema of schemas/ in one registry of its own; NJsonSchema: each file with "$defs" read as "definitions".</summary>
    private static IReadOnlyDictionary<string, Json.Schema.JsonSchema> LoadJsonSchemaNet() => PeerSchemaLoader.LoadJsonSchemaNet(RepoPaths.Schemas);

    private static IReadOnlyDictionary<string, NJ.JsonSchema> LoadNJsonSchema()
        => Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json").ToDictionary(p => Path.GetFileName(p), PeerSchemaLoader.LoadNJsonSchema, StringComparer.Ordinal);
}
