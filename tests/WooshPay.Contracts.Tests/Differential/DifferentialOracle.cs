using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.Differential;

/// <summary>The three verdicts on one payload, with what each validator reported.</summary>
public sealed record Outcome(
    string SchemaFile,
    string Payload,
    Verdict Ours,
    IReadOnlyList<ReportedError> OursErrors,
    string? OursDefect,
    PeerResult NJsonSchema,
    PeerResult JsonSchemaNet)
{
    private JsonNode? _node;
    private bool _parsed;

    /// <summary>The payload as a node tree, for predicates that look at the values our errors point at.</summary>
    public JsonNode? Node
    {
        get
        {
            if (!_parsed)
            {
                _node = PayloadMutations.ParseNode(Payload);
                _parsed = true;
            }

            return _node;
        }
    }

    public bool PeersAgree => NJsonSchema.Verdict != Verdict.Error && NJsonSchema.Verdict == JsonSchemaNet.Verdict;

    /// <summary>The value an instance location points at (null when absent or JSON null).</summary>
    public JsonNode? At(string pointer)
    {
        var node = Node;
        foreach (var token in JsonPointer.Tokens(pointer))
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray array when int.TryParse(token, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The string at an instance location, or null when it is not a string.</summary>
    public string? StringAt(string pointer)
        => At(pointer) is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;

    public string Describe()
    {
        var ours = Ours == Verdict.Valid ? "valid" : string.Join("; ", OursErrors.Select(e => e.ToString()));
        return $"ours={Ours} [{ours}]{(OursDefect is null ? string.Empty : " DEFECT: " + OursDefect)}"
            + Environment.NewLine + $"    NJsonSchema={NJsonSchema.Verdict} [{string.Join("; ", NJsonSchema.Errors.Take(12))}]"
            + Environment.NewLine + $"    JsonSchema.Net={JsonSchemaNet.Verdict} [{string.Join("; ", JsonSchemaNet.Errors.Take(12))}]";
    }
}

/// <summary>How a case came out of the comparison.</summary>
public enum Classification
{
    /// <summary>All three validators gave the same verdict.</summary>
    Agreed,

    /// <summary>A peer threw (no verdict): nothing to compare against.</summary>
    PeerThrew,

    /// <summary>The peers disagree with each other: no oracle, nothing asserted.</summary>
    PeersSplit,

    /// <summary>Ours differs from two agreeing peers in a way listed in known-differences.md.</summary>
    KnownDifference,

    /// <summary>Ours differs from two agreeing peers and nothing explains it, or ours broke an invariant of its own: a failure.</summary>
    Unexplained,
}

/// <summary>Runs the three validators on a payload and classifies the result.</summary>
public static class DifferentialOracle
{
    private static readonly ConcurrentDictionary<string, GeneratedValidator> s_validators = new(StringComparer.Ordinal);

    public static Outcome Run(string schemaFile, string payload)
    {
        var validator = s_validators.GetOrAdd(schemaFile, f => new GeneratedValidator(ContractSchemas.Assembly, ContractSchemas.SchemaClassForFile(f)));
        Verdict ours;
        IReadOnlyList<ReportedError> errors;
        string? defect = null;
        try
        {
            var all = validator.Validate(payload, stopAtFirstError: false, assertFormats: true);
            var first = validator.Validate(payload, stopAtFirstError: true, assertFormats: true);
            ours = all.IsValid ? Verdict.Valid : Verdict.Invalid;
            errors = all.Errors;

            // Invariants of our own, checked on every payload: a verdict agrees with its error list, and
            // StopAtFirstError gives the same verdict with exactly one error.
            if (all.IsValid != (all.Errors.Count == 0))
            {
                defect = $"IsValid={all.IsValid} with {all.Errors.Count} errors";
            }
            else if (first.IsValid != all.IsValid)
            {
                defect = $"StopAtFirstError verdict {first.IsValid} differs from collect-all verdict {all.IsValid}";
            }
            else if (!first.IsValid && first.Errors.Count != 1)
            {
                defect = $"StopAtFirstError reported {first.Errors.Count} errors: {string.Join("; ", first.Errors)}";
            }
        }
        catch (TargetInvocationException e)
        {
            ours = Verdict.Error;
            errors = Array.Empty<ReportedError>();
            defect = "the generated validator threw " + e.InnerException?.GetType().Name + ": " + e.InnerException?.Message;
        }

        return new Outcome(schemaFile, payload, ours, errors, defect,
            PeerValidators.NJsonSchema(schemaFile, payload), PeerValidators.JsonSchemaNet(schemaFile, payload));
    }

    /// <summary>The full JsonSchema.Net error list of an outcome (the comparison itself only asks for the flag).</summary>
    public static Outcome WithPeerDetails(Outcome outcome)
        => outcome with { JsonSchemaNet = PeerValidators.JsonSchemaNet(outcome.SchemaFile, outcome.Payload, withErrors: true) };

    public static (Classification Classification, KnownDifference? Difference) Classify(Outcome outcome)
    {
        if (outcome.OursDefect != null)
        {
            return (Classification.Unexplained, null);
        }

        if (outcome.NJsonSchema.Verdict == Verdict.Error || outcome.JsonSchemaNet.Verdict == Verdict.Error)
        {
            return (Classification.PeerThrew, null);
        }

        if (!outcome.PeersAgree)
        {
            return (Classification.PeersSplit, null);
        }

        if (outcome.Ours == outcome.NJsonSchema.Verdict)
        {
            return (Classification.Agreed, null);
        }

        var known = KnownDifferences.All.FirstOrDefault(k => k.Matches(outcome));
        return known is null ? (Classification.Unexplained, null) : (Classification.KnownDifference, known);
    }
}
