using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.Fuzzing;

/// <summary>
/// Runs one payload through a target's generated API and checks the invariants; returns null when they hold, else what
/// broke. Every text the API showed (messages, ToString, basic output, exception messages) is added to <paramref name="texts"/>.
/// </summary>
public delegate string? FuzzCheck(byte[] payload, List<string> texts);

/// <summary>A generated root model (one per schema file) with its schema class, seed payloads and sensitive places.</summary>
public sealed record FuzzTarget(string SchemaFile, string Title, IReadOnlyList<string> Seeds, SensitiveValues Sensitive, FuzzCheck Check)
{
    private static readonly Lazy<IReadOnlyList<FuzzTarget>> s_all = new(Build);

    /// <summary>Every schema file of schemas/ whose root is a generated model.</summary>
    public static IReadOnlyList<FuzzTarget> All => s_all.Value;

    public static FuzzTarget Named(string title) => All.Single(t => t.Title == title);

    /// <summary>The targets' titles, read from the schema files alone (test discovery compiles nothing).</summary>
    public static IEnumerable<string> Titles() => Files().Select(f => f.Title);

    /// <summary>Schema files whose root declares properties: each is a generated model (common.schema.json only holds $defs).</summary>
    private static List<(string File, string Title)> Files()
        => Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json")
            .Select(p => (File: Path.GetFileName(p), Root: JsonDocument.Parse(File.ReadAllText(p)).RootElement))
            .Where(f => f.Root.TryGetProperty("properties", out _))
            .Select(f => (f.File, f.Root.GetProperty("title").GetString()!))
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<FuzzTarget> Build()
    {
        var files = Files();

        // The checks are compiled with the generated code: Parse and Validate over ReadOnlySpan<byte>, and the internal
        // interpreter, cannot be reached through reflection.
        var source = "namespace WooshPay.Contracts.Fuzzing;\n"
            + "internal static class FuzzChecks\n{\n"
            + string.Concat(files.Select(f => CheckMethod(f.Title, ContractSchemas.SchemaClassForFile(f.File))))
            + Collect + "}\n";
        var compilation = ContractSchemas.Output.Compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "FuzzChecks.cs"));
        var checks = GeneratorHarness.Load(compilation).GetType("WooshPay.Contracts.Fuzzing.FuzzChecks")!;

        return files.Select(f => new FuzzTarget(
                f.File,
                f.Title,
                SeedsFor(f.File),
                SensitiveValues.For(f.File),
                checks.GetMethod(f.Title, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<FuzzCheck>()))
            .ToList();
    }

    /// <summary>The canonical samples the schema checks; for schemas without one, a payload assembled from them.</summary>
    private static IReadOnlyList<string> SeedsFor(string schemaFile)
    {
        string Canonical(string name) => File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", name));
        var samples = Directory.EnumerateFiles(Path.Combine(RepoPaths.Payloads, "canonical"), "*.json")
            .Where(p => ContractSchemas.SchemaFileFor(p) == schemaFile)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        if (samples.Count > 0)
        {
            return samples;
        }

        return schemaFile switch
        {
            "event.schema.json" => new[] { "payment_intent.create.web.response.json", "refund.create.response.json", "checkout.session.create.response.json" }
                .Select(name => "{\"id\":\"evt_3000000000000000001\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"api_version\":\"2023-10-16\","
                    + "\"created\":1700000000000,\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},"
                    + "\"data\":{\"object\":" + Canonical(name) + "}}")
                .ToList(),
            "payment_intent.list.schema.json" => new[]
            {
                "{\"object\":\"list\",\"url\":\"/v1/payment_intents\",\"has_more\":false,\"data\":["
                    + Canonical("payment_intent.create.web.response.json") + "," + Canonical("payment_intent.create.app.response.json") + "]}",
            },
            "payment_intent.cancel.request.schema.json" => new[] { "{\"cancellation_reason\":\"requested_by_customer\"}" },
            "payment_intent.capture.request.schema.json" => new[] { "{\"amount_to_capture\":20}", "{}" },
            _ => throw new InvalidOperationException("No seed payload for " + schemaFile),
        };
    }

    private static string CheckMethod(string model, string schema) => $$"""
        public static string? {{model}}(byte[] payload, global::System.Collections.Generic.List<string> texts)
        {
            global::WooshPay.Contracts.Runtime.ValidationResult compiled, interpreted, redacted, first;
            try
            {
                compiled = global::WooshPay.Contracts.{{schema}}.Validate(payload);
                interpreted = global::WooshPay.Contracts.{{schema}}.Interpret(payload);
                redacted = global::WooshPay.Contracts.{{schema}}.Validate(payload, new global::WooshPay.Contracts.Runtime.ValidationOptions { RedactValues = true });
                first = global::WooshPay.Contracts.{{schema}}.Validate(payload, new global::WooshPay.Contracts.Runtime.ValidationOptions { StopAtFirstError = true });
            }
            catch (global::System.Exception e)
            {
                return "Validate threw " + e;
            }

            Collect(texts, compiled);
            Collect(texts, interpreted);
            Collect(texts, redacted);
            Collect(texts, first);
            if (compiled.IsValid != interpreted.IsValid || first.IsValid != compiled.IsValid)
            {
                return $"verdicts differ: compiled {compiled.IsValid}, interpreter {interpreted.IsValid}, first error only {first.IsValid}";
            }

            string? text = null;
            try
            {
                text = new global::System.Text.UTF8Encoding(false, true).GetString(payload);
            }
            catch (global::System.Text.DecoderFallbackException)
            {
                // Not UTF-8: only the bytes entry points can be given it.
            }

            if (text is not null)
            {
                var fromText = global::WooshPay.Contracts.{{schema}}.Validate(text);
                Collect(texts, fromText);
                if (fromText.IsValid != compiled.IsValid)
                {
                    return $"the string and UTF-8 entry points differ: string {fromText.IsValid}, bytes {compiled.IsValid}";
                }
            }

            global::WooshPay.Contracts.{{model}}? model = null;
            string? refusal = null;
            try
            {
                model = global::WooshPay.Contracts.{{model}}.Parse(payload);
            }
            catch (global::WooshPay.Contracts.Runtime.ContractJsonException e)
            {
                refusal = e.Pointer + ": " + e.Message;
                texts.Add(e.Message);
                texts.Add(e.Pointer);
            }
            catch (global::System.Exception e)
            {
                return "Parse threw " + e;
            }

            if (compiled.IsValid && model is null)
            {
                return "Validate accepts, Parse refuses: " + refusal;
            }

            if (model is null)
            {
                return null;
            }

            texts.Add(model.ToString() ?? string.Empty);
            try
            {
                var json = model.ToJson();
                var again = global::WooshPay.Contracts.{{schema}}.Validate(json);
                Collect(texts, again);
                if (compiled.IsValid && !again.IsValid)
                {
                    return "ToJson of a valid payload does not validate: " + again.Errors[0] + " in " + json;
                }

                var back = global::WooshPay.Contracts.{{model}}.Parse(json).ToJson();
                return back == json ? null : "ToJson changes on a second round trip: " + json + " then " + back;
            }
            catch (global::System.Exception e)
            {
                return "the round trip of a parsed model threw " + e;
            }
        }


        """;

    private const string Collect = """
            private static void Collect(global::System.Collections.Generic.List<string> texts, global::WooshPay.Contracts.Runtime.ValidationResult result)
            {
                foreach (var error in result.Errors)
                {
                    texts.Add(error.Message);
                    texts.Add(error.InstanceLocation);
                    texts.Add(error.ToString());
                }

                texts.Add(result.ToString());
                texts.Add(result.ToBasicOutputJson());
            }

        """;
}
