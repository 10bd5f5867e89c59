using System.Text.Encodings.Web;
using System.Text.Json;
using WooshPay.Contracts.Runtime;

namespace ContractCheck;

/// <summary>The outcome of checking one payload file: a validation result, or the problem that prevented one.</summary>
/// <param name="Path">The file's path relative to the payloads folder, with '/' separators.</param>
/// <param name="DriftExpected">True for a documented/ payload, published as-is and allowed to fail its schema.</param>
/// <param name="Schema">The schema the file was checked against; null when none matched.</param>
/// <param name="Result">The validation result; null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the file could not be checked (unreadable, not JSON, no schema); null when it was checked.</param>
internal sealed record PayloadCheck(string Path, bool DriftExpected, PayloadSchema? Schema, ValidationResult? Result, string? Problem);

/// <summary>The report over all checked payloads: per-file verdicts and errors, a summary and the exit code.</summary>
internal sealed class ContractReport
{
    /// <summary>The process exit code when every payload that must pass does.</summary>
    public const int Success = 0;

    /// <summary>The process exit code when a payload outside documented/ (a canonical one) fails its schema.</summary>
    public const int CanonicalInvalid = 1;

    /// <summary>The process exit code when a file could not be checked, or the arguments or folder are wrong.</summary>
    public const int CannotCheck = 2;

    private readonly IReadOnlyList<PayloadCheck> _checks;

    /// <summary>Builds the report over <paramref name="checks"/>, in the order given.</summary>
    /// <param name="checks">One entry per payload file.</param>
    public ContractReport(IReadOnlyList<PayloadCheck> checks)
    {
        _checks = checks;
        Valid = checks.Count(c => c.Result is { IsValid: true });
        Invalid = checks.Count(c => c.Result is { IsValid: false });
        MustPassInvalid = checks.Count(c => c.Result is { IsValid: false } && !c.DriftExpected);
        DriftPayloads = checks.Count(c => c.Result is { IsValid: false } && c.DriftExpected);
        DriftErrors = checks.Where(c => c.Result is { IsValid: false } && c.DriftExpected).Sum(c => c.Result!.Errors.Count);
        Problems = checks.Count(c => c.Problem is not null);
    }

    /// <summary>Number of payloads that satisfy their schema.</summary>
    public int Valid { get; }

    /// <summary>Number of payloads that fail their schema.</summary>
    public int Invalid { get; }

    /// <summary>Number of failing payloads that must pass (every one outside documented/).</summary>
    public int MustPassInvalid { get; }

    /// <summary>Number of documented payloads that fail their schema, as expected.</summary>
    public int DriftPayloads { get; }

    /// <summary>Number of errors over the failing documented payloads: how far the published samples drift from the contract.</summary>
    public int DriftErrors { get; }

    /// <summary>Number of files that could not be checked.</summary>
    public int Problems { get; }

    /// <summary>The process exit code: <see cref="CannotCheck"/>, else <see cref="CanonicalInvalid"/>, else <see cref="Success"/>.</summary>
    public int ExitCode => Problems > 0 ? CannotCheck : MustPassInvalid > 0 ? CanonicalInvalid : Success;

    /// <summary>One line on what went wrong, for the exit message; null when <see cref="ExitCode"/> is <see cref="Success"/>.</summary>
    public string? FailureMessage => ExitCode switch
    {
        CannotCheck => $"{Plural(Problems, "file")} could not be checked.",
        CanonicalInvalid => $"{Plural(MustPassInvalid, "canonical payload")} {(MustPassInvalid == 1 ? "does" : "do")} not match {(MustPassInvalid == 1 ? "its schema" : "their schemas")}.",
        _ => null,
    };

    /// <summary>Writes the human-readable report: a verdict line per file, its errors, then the summary.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="folder">The payloads folder as shown in the heading.</param>
    public void WriteText(TextWriter writer, string folder)
    {
        writer.WriteLine($"WooshPay contract check: {Plural(_checks.Count, "payload")} in {folder}");
        writer.WriteLine();
        foreach (var check in _checks)
        {
            if (check.Problem is not null)
            {
                writer.WriteLine($"ERROR {check.Path}: {check.Problem}");
                continue;
            }

            var result = check.Result!;
            if (result.IsValid)
            {
                writer.WriteLine($"PASS {check.Path} ({check.Schema!.Title})");
                continue;
            }

            var expectation = check.DriftExpected ? "expected: documented drift" : "must pass";
            writer.WriteLine($"FAIL {check.Path} ({check.Schema!.Title}): {Plural(result.Errors.Count, "error")} ({expectation})");
            foreach (var error in result.Errors)
            {
                var pointer = error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation;
                writer.WriteLine($"  {pointer}  {error.Message}  [{error.Keyword}]");
            }
        }

        writer.WriteLine();
        writer.WriteLine($"{Plural(_checks.Count, "payload")}, {Valid} valid, {Invalid} invalid"
            + (Problems > 0 ? $", {Problems} not checked" : string.Empty)
            + $"; documented drift: {Plural(DriftErrors, "error")} in {Plural(DriftPayloads, "payload")}");
        writer.WriteLine(FailureMessage is null
            ? "OK: every canonical payload matches its schema."
            : "FAILED: " + FailureMessage);
    }

    /// <summary>
    /// Writes the machine-readable report: per file its schema and the JSON Schema 2020-12 "basic" output
    /// of its validation (or the problem), then the totals and the exit code.
    /// </summary>
    /// <param name="stream">Where to write the UTF-8 JSON.</param>
    /// <param name="folder">The payloads folder as given or found.</param>
    public void WriteJson(Stream stream, string folder)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        writer.WriteStartObject();
        writer.WriteString("folder", folder);
        writer.WriteStartArray("payloads");
        foreach (var check in _checks)
        {
            writer.WriteStartObject();
            writer.WriteString("file", check.Path);
            writer.WriteString("expectation", check.DriftExpected ? "drift" : "pass");
            if (check.Schema is not null)
            {
                writer.WriteString("schema", check.Schema.Title);
                writer.WriteString("schemaFile", check.Schema.FileName);
            }

            if (check.Problem is not null)
            {
                writer.WriteString("problem", check.Problem);
            }
            else
            {
                writer.WritePropertyName("output");
                check.Result!.WriteBasicOutput(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("summary");
        writer.WriteNumber("payloads", _checks.Count);
        writer.WriteNumber("valid", Valid);
        writer.WriteNumber("invalid", Invalid);
        writer.WriteNumber("notChecked", Problems);
        writer.WriteNumber("canonicalInvalid", MustPassInvalid);
        writer.WriteNumber("documentedDriftPayloads", DriftPayloads);
        writer.WriteNumber("documentedDriftErrors", DriftErrors);
        writer.WriteEndObject();
        writer.WriteNumber("exitCode", ExitCode);
        writer.WriteEndObject();
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
