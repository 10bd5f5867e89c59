using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WooshPay.Contracts.Tests.Conformance;
using WooshPay.Contracts.Tests.Differential;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace WooshPay.Contracts.Tests.Compiled;

/// <summary>
/// The compiled validators change speed only: on every input the public Validate (compiled pass first, then the
/// compiled collectors for the error list) and the interpreter give the same verdict and the same error list; a valid
/// payload allocates nothing, and an invalid one is not parsed whole.
/// </summary>
public sealed class CompiledValidatorTests(ITestOutputHelper output)
{
    private const int MutationsPerSchema = 300;

    /// <summary>Inputs that have broken readers before: bad JSON, odd encodings, repeated keys, extreme numbers.</summary>
    private static readonly string[] s_hostile =
    {
        "", "{", "{\"amount\": 20,}", "{\"amount\": 20} trailing", "\u0000", "\uFEFF{}", "[]", "null", "1e400", "\"\\ud800\"",
        "{\"amount\": 20, \"currency\": \"\\ud800\"}", "{\"amount\": 20, \"currency\": \"CNY\", \"\\ud800\": 1}",
        "{\"amount\":1,\"amount\":100000}", "{\"metadata\":{\"a\":\"1\",\"a\":\"2\"}}", "{\"\\u0061mount\": 1}",
        "{\"amount\": 20.0000000000000000000000000000001}", "{\"amount\": 1e-400}", "{\"amount\": 9223372036854775808}",
        "{\"amount\": 2e1}", "{\"amount\": 20.0}", "{\"amount\": -0}", new string('[', 300) + new string(']', 300),
        "{\"x\":" + string.Concat(Enumerable.Repeat("{\"x\":", 200)) + "1" + new string('}', 201),
        "{\"amount\": 20, \"currency\": \"CNY\", \"description\": \"x\\udc00\"}", "{\"amount\": 20, \"currency\": \"CNY\", \"description\": \"\ud800\"}",
        "{\"amount\": 20, \"currency\": \"CNY\", \"description\": \"\\\\ud800\"}", "{\"amount\": 20, \"currency\": \"CNY\", \"metadata\": {\"\ud800\": \"1\"}}",
    };

    /// <summary>StopAtFirstError, RedactValues and MaxErrors as the samples are compared under: the default limit, and limits that cut.</summary>
    private static readonly (bool Stop, bool Redact, int MaxErrors)[] s_collectingOptions =
    {
        (false, false, 100), (true, false, 100), (false, true, 100), (false, false, 1), (false, false, 2), (false, true, 3), (true, true, 1),
    };

    [Fact]
    public void Compiled_and_interpreted_results_agree_on_the_conformance_suite()
    {
        var suite = Path.Combine(RepoPaths.TestSuite, "tests", "draft2020-12");
        var groups = Directory.EnumerateFiles(suite, "*.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
            .SelectMany(p => TestGroup.Load(p, Path.GetRelativePath(suite, p))).ToList();
        var formats = TestGroup.Load(Path.Combine(RepoPaths.TestsProject, "Conformance", "format-assertions.json"), "toolkit/format-assertions.json");

        var compared = 0;
        var truncated = 0;
        var mismatches = new List<string>();
        void Compare(TestCase test, GeneratedValidator validator, bool assertFormats)
        {
            compared++;
            var fast = validator.Validate(test.DataJson, assertFormats: assertFormats);
            var reference = validator.Interpreted.Validate(test.DataJson, assertFormats: assertFormats);
            if (fast.IsValid != reference.IsValid || !fast.Errors.SequenceEqual(reference.Errors))
            {
                mismatches.Add($"{test.Description}: compiled {fast.IsValid}, interpreter {reference.IsValid} on {test.DataJson}: {FirstDifference(fast.Errors, reference.Errors)}");
            }

            // Limits that cut the list: the suite's anyOf, oneOf and if/then cases, where errors are inserted and discarded.
            foreach (var limit in new[] { 1, 2 })
            {
                var cutFast = validator.ValidateWithLimit(test.DataJson, limit, assertFormats: assertFormats);
                var cutReference = validator.Interpreted.ValidateWithLimit(test.DataJson, limit, assertFormats: assertFormats);
                truncated += cutReference.ErrorsTruncated ? 1 : 0;
                if (!cutFast.Errors.SequenceEqual(cutReference.Errors) || cutFast.ErrorsTruncated != cutReference.ErrorsTruncated)
                {
                    mismatches.Add($"{test.Description} (max {limit}): compiled {cutFast.ErrorsTruncated}, interpreter {cutReference.ErrorsTruncated} "
                        + $"on {test.DataJson}: {FirstDifference(cutFast.Errors, cutReference.Errors)}");
                }
            }
        }

        var outcomes = ConformanceRunner.Run(groups, assertFormats: false, (t, v) => Compare(t, v, false))
            .Concat(ConformanceRunner.Run(groups.Concat(formats).ToList(), assertFormats: true, (t, v) => Compare(t, v, true)))
            .ToList();
        var failed = outcomes.Where(o => o.Failure != null).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} cases did not run: " + string.Join("\n", failed.Select(f => f.Failure).Distinct().Take(3)));

        output.WriteLine($"{groups.Count} groups, {compared} cases compared (format annotation and assertion), {truncated} of them cut by a limit.");
        Assert.True(compared > 2000, $"only {compared} cases ran");
        Assert.True(truncated > 100, $"only {truncated} cases were cut by a limit");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    [Fact]
    public void Compiled_and_interpreted_results_agree_on_samples_mutations_and_hostile_input()
    {
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var (schemaFile, samples, validator) in SampleValidators())
        {
            var payloads = samples.Select(File.ReadAllText).Concat(s_hostile).ToList();
            var gen = PayloadMutations.CasesFor(schemaFile, samples);
            var pcg = new PCG(1, DifferentialTests.DefaultSeed);
            for (var i = 0; i < MutationsPerSchema; i++)
            {
                payloads.Add(gen.Generate(pcg, null, out _).Build().Payload);
            }

            foreach (var payload in payloads)
            {
                compared++;
                CompareUnderEveryLimit(validator, schemaFile, payload, mismatches);

                if (TryParse(payload) is { } element)
                {
                    var fast = validator.ValidateElement(element);
                    var reference = validator.ValidateElement(element, interpreted: true);
                    if (fast.IsValid != reference.IsValid || !fast.Errors.SequenceEqual(reference.Errors))
                    {
                        mismatches.Add($"{schemaFile} (JsonElement): compiled {fast.IsValid}, interpreter {reference.IsValid} on {payload}");
                    }
                }
            }
        }

        output.WriteLine($"{compared} payloads compared.");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    [Fact]
    public void A_repeated_name_in_any_object_of_a_document_the_fast_pass_gave_up_on_is_left_to_the_interpreter()
    {
        // The root's first name is written with an escape, so the fast pass gives up at once and the collectors' walk,
        // with the checks it calls on its way, is all that reads the document: it must find a name repeated in any object,
        // under every list limit (a full list skips failing values, and the skip must still read them).
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var (schemaFile, samples, validator) in SampleValidators())
        {
            foreach (var payload in samples.Select(File.ReadAllText).SelectMany(EachObjectNamingItsFirstMemberTwice).Select(EscapeFirstName))
            {
                compared++;
                CompareUnderEveryLimit(validator, schemaFile, payload, mismatches);
            }
        }

        output.WriteLine($"{compared} payloads compared.");
        Assert.True(compared > 100, $"only {compared} payloads");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    /// <summary>Each contract schema with its samples and its generated validator.</summary>
    private static IEnumerable<(string SchemaFile, IReadOnlyList<string> Samples, GeneratedValidator Validator)> SampleValidators()
        => DifferentialTests.SamplesBySchema().Select(s => (s.SchemaFile, s.Samples, new GeneratedValidator(ContractSchemas.Assembly, ContractSchemas.SchemaClassForFile(s.SchemaFile))));

    /// <summary>
    /// Compares the compiled collectors' list with the interpreter's under each of <see cref="s_collectingOptions"/>: the
    /// limits and redaction must cut and withhold exactly where the interpreter does.
    /// </summary>
    private static void CompareUnderEveryLimit(GeneratedValidator validator, string schemaFile, string payload, List<string> mismatches)
    {
        foreach (var (stop, redact, limit) in s_collectingOptions)
        {
            var fast = validator.ValidateWithLimit(payload, limit, stop, redact);
            var reference = validator.Interpreted.ValidateWithLimit(payload, limit, stop, redact);
            if (fast.IsValid != reference.IsValid || !fast.Errors.SequenceEqual(reference.Errors) || fast.BasicOutput != reference.BasicOutput
                || fast.ErrorsTruncated != reference.ErrorsTruncated)
            {
                mismatches.Add($"{schemaFile} (stop {stop}, redact {redact}, max {limit}): compiled {fast.IsValid}/{fast.ErrorsTruncated}, "
                    + $"interpreter {reference.IsValid}/{reference.ErrorsTruncated} on {payload}: {FirstDifference(fast.Errors, reference.Errors)}");
            }
        }
    }

    /// <summary>For each object of <paramref name="json"/> with members, the document with its first member written twice: as it is, and with its name escaped.</summary>
    private static IEnumerable<string> EachObjectNamingItsFirstMemberTwice(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var repeats = new List<(int At, string Member)>();
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            var member = reader;
            if (reader.TokenType == JsonTokenType.StartObject && member.Read() && member.TokenType == JsonTokenType.PropertyName)
            {
                var start = (int)member.TokenStartIndex;
                member.Read();
                member.Skip();
                repeats.Add(((int)reader.TokenStartIndex + 1, Encoding.UTF8.GetString(utf8, start, (int)member.BytesConsumed - start)));
            }
        }

        foreach (var (at, member) in repeats)
        {
            var before = Encoding.UTF8.GetString(utf8, 0, at);
            var after = Encoding.UTF8.GetString(utf8, at, utf8.Length - at);
            yield return before + member + "," + after;
            yield return before + EscapeFirstName(member) + "," + after;
        }
    }

    /// <summary>The first property name of <paramref name="json"/> with its first character written as a \u escape (when it is ASCII).</summary>
    private static string EscapeFirstName(string json)
    {
        var quote = json.IndexOf('"');
        return quote < 0 || json[quote + 1] is > '~' or '\\' ? json : json.Substring(0, quote + 1) + $"\\u{(int)json[quote + 1]:x4}" + json.Substring(quote + 2);
    }

    [Fact]
    public void A_duplicate_key_is_left_to_the_interpreter()
    {
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "RefundCreateRequestSchema");
        var canonical = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "refund.create.request.json"));
        var duplicated = canonical.Insert(canonical.IndexOf('{') + 1, "\"amount\": 100000000,");

        var fast = validator.Validate(duplicated);
        var reference = validator.Interpreted.Validate(duplicated);

        Assert.Equal(reference.IsValid, fast.IsValid);
        Assert.Equal(reference.Errors, fast.Errors);
    }

    [Fact]
    public void A_valid_canonical_payload_allocates_nothing()
    {
        // A probe compiled next to the generated code calls Validate directly: reflection would allocate on its own.
        // Format values are checked in a stack buffer, so format assertion allocates nothing either.
        // The JsonElement overload reads the element's bytes in place only on .NET 9 and later; the harness compiles for .NET 8.
        var payloads = Directory.EnumerateFiles(Path.Combine(RepoPaths.Payloads, "canonical"), "*.json").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var probe = new StringBuilder("public static class AllocationProbe {\n");
        probe.AppendLine("public static long Measure(int which, byte[] utf8, string text, bool formats) {");
        probe.AppendLine("var options = new WooshPay.Contracts.Runtime.ValidationOptions { AssertFormats = formats };");
        probe.AppendLine("long before = 0; bool valid = true;");
        probe.AppendLine("for (var round = 0; round < 2; round++) { before = System.GC.GetAllocatedBytesForCurrentThread(); valid = true; switch (which) {");
        for (var i = 0; i < payloads.Count; i++)
        {
            var schema = ContractSchemas.SchemaClassFor(Path.GetFileName(payloads[i]));
            probe.AppendLine($"case {i}: for (var n = 0; n < 100; n++) {{ valid &= WooshPay.Contracts.{schema}.Validate(utf8, options).IsValid; valid &= WooshPay.Contracts.{schema}.Validate(text, options).IsValid; }} break;");
        }

        probe.AppendLine("} }");
        probe.AppendLine("return valid ? System.GC.GetAllocatedBytesForCurrentThread() - before : -1; } }");
        var compilation = ContractSchemas.Output.Compilation;
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(probe.ToString(), (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var measure = GeneratorHarness.Load(compilation).GetType("AllocationProbe")!.GetMethod("Measure")!;

        for (var i = 0; i < payloads.Count; i++)
        {
            var text = File.ReadAllText(payloads[i]);
            var allocated = (long)measure.Invoke(null, new object[] { i, Encoding.UTF8.GetBytes(text), text, false })!;
            var withFormats = (long)measure.Invoke(null, new object[] { i, Encoding.UTF8.GetBytes(text), text, true })!;
            output.WriteLine($"{Path.GetFileName(payloads[i])}: {allocated} bytes over 200 warm calls; {withFormats} with format assertion");
            Assert.True(allocated == 0, $"{Path.GetFileName(payloads[i])}: {(allocated < 0 ? "not valid" : allocated + " bytes allocated")}");
            Assert.True(withFormats == 0, $"{Path.GetFileName(payloads[i])} with format assertion: {(withFormats < 0 ? "not valid" : withFormats + " bytes allocated")}");
        }
    }

    [Fact]
    public void An_invalid_document_with_a_large_valid_part_is_not_parsed_into_a_document()
    {
        // 200,000 valid payment method types and one unknown: the collectors report it without a JsonDocument of the
        // array (which alone would be twice the input); what is left is the result, the error and the reflection calls.
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentSchema");
        var canonical = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"));
        var types = string.Join(",", Enumerable.Repeat("\"alipay\"", 200_000)) + ",\"nope\"";
        var utf8 = Encoding.UTF8.GetBytes(WithPaymentMethodTypes(canonical, types));

        var (errors, allocated) = ValidateMeasured(validator, utf8);

        var error = Assert.Single(errors);
        Assert.Equal(("/payment_method_types/200000", "enum"), (error.InstanceLocation, error.Keyword));
        Assert.Equal(validator.ValidateUtf8(utf8, interpreted: true).Errors, errors);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated for {utf8.Length} bytes of input");
    }

    [Fact]
    public void More_errors_than_MaxErrors_are_cut_on_the_bytes_without_a_document()
    {
        // 400,000 unknown payment method types: the collectors keep the first 100 errors and skip the rest
        // unread (no pointer token either), where the interpreter would hold the whole document (about twice the input).
        // What is allocated is the 100 errors and their basic output (about 460 KB), whatever the count: a byte per item
        // would already be 400 KB more.
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentSchema");
        var canonical = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"));
        var utf8 = Encoding.UTF8.GetBytes(WithPaymentMethodTypes(canonical, string.Join(",", Enumerable.Range(0, 400_000).Select(i => "\"unknown_" + i + "\""))));

        var (errors, allocated) = ValidateMeasured(validator, utf8);
        var reference = validator.ValidateUtf8(utf8, interpreted: true);

        Assert.Equal(100, errors.Count);
        Assert.Equal(("/payment_method_types/99", "enum"), (errors[^1].InstanceLocation, errors[^1].Keyword));
        Assert.True(validator.ValidateUtf8(utf8).ErrorsTruncated);
        Assert.True(reference.ErrorsTruncated);
        Assert.Equal(reference.Errors, errors);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated for {utf8.Length} bytes of input");
    }

    [Fact]
    public void A_huge_invalid_string_is_checked_on_its_bytes_not_copied()
    {
        // A 10 MB currency fails its pattern (a byte loop) and, under the Alipay if/then, its enum: the collectors report
        // both from the bytes and decode only the start of the value for the messages.
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentCreateRequestSchema");
        var canonical = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.request.json"));
        var utf8 = Encoding.UTF8.GetBytes(WithCurrency(canonical, "\"" + new string('a', 10_000_000) + "\""));

        var (errors, allocated) = ValidateMeasured(validator, utf8);

        Assert.Equal(new[] { ("/currency", "pattern"), ("/currency", "enum") }, errors.Select(e => (e.InstanceLocation, e.Keyword)));
        Assert.Equal(validator.ValidateUtf8(utf8, interpreted: true).Errors, errors);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated for {utf8.Length} bytes of input");
    }

    [Fact]
    public void A_huge_escaped_string_is_never_parsed_into_a_document()
    {
        // An escape sends the pattern to the Regex, which reads UTF-16: each check that reads the value decodes it (2 bytes a
        // character; the fast pass, and the collectors' checks on the way down to it), one at a time, and nothing else is
        // copied (the interpreter's route took a document of the value, 2.7 times its size, and a decoded copy per enum value).
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentCreateRequestSchema");
        var canonical = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.request.json"));
        const int characters = 10_000_000;
        var utf8 = Encoding.UTF8.GetBytes(WithCurrency(canonical, "\"\\u0061" + new string('a', characters - 1) + "\""));

        var (errors, allocated) = ValidateMeasured(validator, utf8);

        Assert.Equal(validator.ValidateUtf8(utf8, interpreted: true).Errors, errors);
        Assert.Equal(2, errors.Count);
        Assert.True(allocated < 5 * 2L * characters, $"{allocated} bytes allocated for {characters} characters");
    }

    [Fact]
    public void String_errors_read_from_the_bytes_are_the_interpreters()
    {
        // Lengths, a pattern, an enum and their messages' previews come from the bytes on the compiled path and from the
        // decoded text in the interpreter: strings of every kind (escapes, quotes, astral characters, long and short), as
        // System.Text.Json escapes them by default and as it leaves them.
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentCreateRequestSchema");
        var canonical = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.request.json"));
        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var piece = Gen.OneOf(Gen.Char['a', 'z'].Select(c => c.ToString()), Gen.Const("\"\\/\n\t\u0001"), Gen.Char['\u00A0', '\u07FF'].Select(c => c.ToString()),
            Gen.Char['\u4E00', '\u9FFF'].Select(c => c.ToString()), Gen.Const("\U0001F4B0"), Gen.Const("é"));
        Gen.Select(piece.Array[0, 80], Gen.Bool).Sample((pieces, escapeAll) =>
        {
            var text = string.Concat(pieces);
            var json = WithCurrency(canonical, JsonSerializer.Serialize(text, escapeAll ? JsonSerializerOptions.Default : relaxed));
            var utf8 = Encoding.UTF8.GetBytes(json);
            Assert.Equal(validator.ValidateUtf8(utf8, interpreted: true).Errors, validator.ValidateUtf8(utf8).Errors);
        }, iter: 2_000);
    }

    [Fact]
    public void Property_name_errors_read_from_the_bytes_are_the_interpreters()
    {
        // propertyNames (^[a-z0-9_]+$ on the payment intent) is checked on the name token by the collectors and on the
        // decoded name by the interpreter: names of every kind, pointer characters ("/", "~") and escapes included, added
        // once or twice, with values shown and withheld.
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentSchema");
        var canonical = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"));
        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var piece = Gen.OneOf(Gen.Char['a', 'z'].Select(c => c.ToString()), Gen.Const("_"), Gen.Const("/"), Gen.Const("~"), Gen.Const("~1"),
            Gen.Const("\"\n"), Gen.Char['\u4E00', '\u9FFF'].Select(c => c.ToString()), Gen.Const("\U0001F4B0"), Gen.Const("A"));
        Gen.Select(piece.Array[1, 40], piece.Array[1, 40], Gen.Bool, Gen.Bool).Sample((first, second, escapeAll, redact) =>
        {
            var encoder = escapeAll ? JsonSerializerOptions.Default : relaxed;
            var names = new[] { string.Concat(first), string.Concat(second) }.Distinct().Select(name => JsonSerializer.Serialize(name, encoder));
            var json = canonical.TrimEnd()[..^1] + string.Concat(names.Select(name => ", " + name + ": 1")) + "}";
            var fast = validator.ValidateWithLimit(json, 100, redactValues: redact);
            var reference = validator.Interpreted.ValidateWithLimit(json, 100, redactValues: redact);
            Assert.True(fast.Errors.SequenceEqual(reference.Errors), $"on {json}: {FirstDifference(fast.Errors, reference.Errors)}");
        }, iter: 2_000);
    }

    /// <summary>The payload with the items of its payment_method_types replaced by <paramref name="items"/> (JSON text).</summary>
    private static string WithPaymentMethodTypes(string payload, string items)
        => System.Text.RegularExpressions.Regex.Replace(payload, "\"payment_method_types\"\\s*:\\s*\\[[^\\]]*\\]", _ => "\"payment_method_types\":[" + items + "]",
            default, TimeSpan.FromSeconds(10));

    /// <summary>The payload with its currency replaced by <paramref name="jsonString"/> (JSON text, quotes included).</summary>
    private static string WithCurrency(string payload, string jsonString)
        => System.Text.RegularExpressions.Regex.Replace(payload, "\"currency\"\\s*:\\s*\"[^\"]*\"", _ => "\"currency\": " + jsonString, default, TimeSpan.FromSeconds(10));

    /// <summary>A second, warm validation of <paramref name="utf8"/> and the bytes it allocated (the first call loads and JITs).</summary>
    private (IReadOnlyList<ReportedError> Errors, long Allocated) ValidateMeasured(GeneratedValidator validator, byte[] utf8)
    {
        validator.ValidateUtf8(utf8);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = validator.ValidateUtf8(utf8);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{utf8.Length} bytes of input, {allocated} bytes allocated");
        return (result.Errors, allocated);
    }

    [Fact]
    public void A_schema_the_compiled_pass_cannot_serve_stays_on_the_interpreter_with_an_info_diagnostic()
    {
        const string schema = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Tagged", "type": "object",
             "properties": {"a": {"type": "string"}}, "unevaluatedProperties": false}
            """;
        var run = GeneratorHarness.Run(new[] { new SchemaInput("/schemas/tagged.schema.json", schema) });

        var info = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "WPC050");
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains("tagged.schema.json", info.GetMessage());
        Assert.Contains("unevaluatedProperties", info.GetMessage());
        var validator = new GeneratedValidator(GeneratorHarness.Load(run.Compilation), "TaggedSchema");
        Assert.True(validator.Validate("{\"a\": \"x\"}").IsValid);
        Assert.Equal("/b", Assert.Single(validator.Validate("{\"a\": \"x\", \"b\": 1}").Errors).InstanceLocation);
    }

    [Fact]
    public void Simple_patterns_and_duplicate_keys_in_unchecked_values_agree_with_the_interpreter()
    {
        // Each pattern is either matched by a generated byte loop or left to the Regex; both must answer as ECMA-262 does.
        // "^a|b$" is (^a)|(b$), "^[a-z]+[a-z0-9]$" needs backtracking, and "anything" is where duplicate keys hide.
        const string schema = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Patterns", "type": "object",
             "propertyNames": {"pattern": "^[a-z0-9_]+$"},
             "properties": {
               "id": {"type": "string", "pattern": "^pi_[0-9]{19}$"},
               "code": {"type": "string", "pattern": "^([A-Z]{3}|[a-z]{3})$"},
               "session": {"type": "string", "pattern": "^cs_(test_)?[0-9]{3}$"},
               "split": {"type": "string", "pattern": "^a|b$"},
               "greedy": {"type": "string", "pattern": "^[a-z]+[a-z0-9]$"},
               "escaped": {"type": "string", "pattern": "^\\d{2}\\.\\w+-?$"},
               "anything": true
             }}
            """;
        var validator = CompileOne("/schemas/patterns.schema.json", schema, "PatternsSchema", expectedInSource: "MatchesPattern");

        var payloads = new[]
        {
            """{"id": "pi_1234567890123456789"}""", """{"id": "pi_123456789012345678"}""", """{"id": "pi_12345678901234567890"}""",
            """{"id": "pi_123456789012345678\u0039"}""", """{"id": "pi_１234567890123456789"}""", """{"Id": "x"}""", """{"\u0069d": "x"}""",
            """{"code": "ABC"}""", """{"code": "abc"}""", """{"code": "aBC"}""", """{"code": "ABCD"}""", """{"code": ""}""",
            """{"session": "cs_123"}""", """{"session": "cs_test_123"}""", """{"session": "cs_test123"}""", """{"session": "cs__123"}""",
            """{"split": "axe"}""", """{"split": "web"}""", """{"split": "xyz"}""", """{"greedy": "ab"}""", """{"greedy": "a"}""", """{"greedy": "abc1"}""",
            """{"escaped": "12.ab_c-"}""", """{"escaped": "12xab"}""", """{"escaped": "12.-"}""", """{"escaped": "12.é"}""",
            """{"anything": {"a": 1, "a": 2}}""", """{"anything": [{"b": {"c": 1, "c": 1}}]}""", """{"anything": {"a": 1, "\u0061": 2}}""",
            """{"anything": {"a": 1, "b": 2}}""", "{\"anything\": {" + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"\"k{i}\": {i}")) + ", \"k7\": 0}}",
        };
        foreach (var payload in payloads)
        {
            AssertSameResult(validator, payload);
        }
    }

    [Fact]
    public void An_if_then_else_over_members_is_decided_in_the_member_loop_as_the_interpreter_decides_it()
    {
        // Each branch names only members the object declares, so the check folds it into its member loop: If's required
        // member may come after Then's, Else is decided at the end, and a value that is not an object passes all three.
        const string schema = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Conditional", "type": ["object", "string"],
             "properties": {"kind": {"type": "string"}, "card": {"type": "object"}, "wallet": {"type": "string"}, "note": true},
             "if": {"required": ["kind"], "properties": {"kind": {"const": "card"}}},
             "then": {"required": ["card"], "properties": {"card": {"required": ["last4"]}, "wallet": false}},
             "else": {"properties": {"card": false, "wallet": {"minLength": 3}}}}
            """;
        var validator = CompileOne("/schemas/conditional.schema.json", schema, "ConditionalSchema", expectedInSource: "var ifPassed = true;");

        var payloads = new[]
        {
            """{"kind": "card", "card": {"last4": "4242"}}""", """{"card": {"last4": "4242"}, "kind": "card"}""",
            """{"kind": "card"}""", """{"kind": "card", "card": {}}""", """{"card": {}, "kind": "card"}""",
            """{"kind": "card", "card": {"last4": "1"}, "wallet": "alipay"}""", """{"wallet": "alipay", "kind": "card", "card": {"last4": "1"}}""",
            """{"kind": "wallet", "wallet": "alipay"}""", """{"kind": "wallet", "wallet": "ab"}""", """{"wallet": "ab"}""",
            """{"kind": "wallet", "card": {"last4": "1"}}""", """{"card": {"last4": "1"}}""", """{}""", """{"note": 1}""",
            """{"kind": 1, "card": {}}""", """{"kind": "card", "card": {"last4": "1"}, "note": [1, {"a": 2}]}""", "\"card\"", "7",
        };
        foreach (var payload in payloads)
        {
            // No payload here leaves the pass undecided, so its own verdict must be the interpreter's too.
            AssertSameVerdict(validator, payload);
        }
    }

    [Fact]
    public void A_then_member_fused_into_the_members_own_check_is_decided_as_the_interpreter_decides_it()
    {
        // The checkout session's shape: when "alipay" is offered, every item's price must be one-time. Then's schema for
        // "items" is structural, so the member is read once by a product of its own schema (nullable, through $refs and
        // items) and Then's, whose checks are soft: they count only when If holds, which "methods" decides before or after.
        const string schema = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Cart", "type": "object",
             "$defs": {
               "list": {"type": "object", "required": ["data"], "properties": {"data": {"type": "array", "items": {"$ref": "#/$defs/item"}}}},
               "item": {"type": "object", "properties": {"price": {"type": "object", "properties": {"type": {"type": "string", "enum": ["one_time", "recurring"]}}}}}
             },
             "properties": {"methods": {"type": "array"}, "items": {"anyOf": [{"$ref": "#/$defs/list"}, {"type": "null"}]}},
             "if": {"required": ["methods"], "properties": {"methods": {"contains": {"const": "alipay"}}}},
             "then": {"properties": {"items": {"properties": {"data": {"items": {"properties": {"price": {"required": ["type"], "properties": {"type": {"const": "one_time"}}}}}}}}}}}
            """;
        var validator = CompileOne("/schemas/cart.schema.json", schema, "CartSchema", expectedInSource: "c.SoftFailed = true");

        const string oneTime = """{"price": {"type": "one_time"}}""", recurring = """{"price": {"type": "recurring"}}""", untyped = """{"price": {}}""";
        string Data(params string[] items) => "{\"data\": [" + string.Join(", ", items) + "]}";
        var payloads = new[]
        {
            """{"methods": ["alipay"], "items": """ + Data(oneTime, oneTime) + "}",
            """{"methods": ["alipay"], "items": """ + Data(oneTime, recurring) + "}",
            """{"items": """ + Data(recurring) + """, "methods": ["card", "alipay"]}""",
            """{"items": """ + Data(recurring) + """, "methods": ["card"]}""",
            """{"items": """ + Data(recurring) + "}",
            """{"methods": ["alipay"], "items": """ + Data(untyped) + "}",
            """{"methods": ["card"], "items": """ + Data(untyped) + "}",
            """{"methods": ["alipay"], "items": """ + Data("""{"price": "free"}""", "7", "null") + "}",
            """{"methods": ["alipay"], "items": """ + Data("""{"price": {"type": "other"}}""") + "}",
            """{"methods": ["alipay"], "items": null}""", """{"methods": ["alipay"], "items": {}}""", """{"methods": ["alipay"], "items": {"data": "x"}}""",
            """{"methods": ["alipay"], "items": {"data2": [""" + recurring + "], \"data\": [" + oneTime + "]}}", """{"methods": ["alipay"]}""", "[]",
        };
        foreach (var payload in payloads)
        {
            AssertSameVerdict(validator, payload);
        }
    }

    [Fact]
    public void Declared_names_whose_propertyNames_verdict_is_settled_at_generation_agree_with_the_interpreter()
    {
        // The pattern alone decides propertyNames, so the generator settles it for the declared names: "id" and "x_y"
        // pass and are not checked again, "Bad-Name" (declared, but failing) and "Upper" (required only) are checked with
        // every undeclared name. A name written with escapes is the same name. The nested object's propertyNames also
        // has a maxLength: nothing is settled there.
        const string schema = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Names", "type": "object",
             "propertyNames": {"pattern": "^[a-z_]+$"},
             "required": ["Upper"],
             "properties": {"id": {"type": "string"}, "Bad-Name": {"type": "integer"}, "x_y": {"type": "object",
               "propertyNames": {"pattern": "^[a-z]+$", "maxLength": 3}, "properties": {"abc": true, "abcd": true}}}}
            """;
        var validator = CompileOne("/schemas/names.schema.json", schema, "NamesSchema", expectedInSource: "(member < 0 || (0x");

        var payloads = new[]
        {
            """{"id": "a", "Upper": 1}""", """{"id": "a"}""", """{"Bad-Name": 1}""", """{"B\u0061d-Name": 1, "Upper": 2}""", """{"\u0069d": "a", "x_y": {}}""",
            """{"x_y": {"abc": 1}}""", """{"x_y": {"abcd": 1}}""", """{"x_y": {"ab": 1, "Ab": 2}}""", """{"other": 1, "Other": 2}""",
            """{"id": 1, "Upper": 1, "Bad-Name": "x", "x_y": {"abcd": 1, "abc": 2}}""", """{"id": "a", "id": "b"}""",
        };
        foreach (var payload in payloads)
        {
            // The fast pass decides every payload here but those with an escaped or a repeated name; its verdict is the interpreter's.
            var decided = !payload.Contains('\\') && !payload.Contains("\"id\": \"a\", \"id\"");
            AssertSameVerdict(validator, payload, decided);
        }
    }

    [Fact]
    public void Integer_bounds_compared_as_longs_agree_with_the_interpreter()
    {
        // Bounds that are integers a long holds are long literals in the fast pass; the value is a long when it is a short
        // integer and a decimal otherwise. Fractions, negative zero, exponents and values past a long meet them too.
        const string schema = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Bounds", "type": "object",
             "properties": {
               "amount": {"type": "integer", "minimum": 1, "maximum": 9007199254740991},
               "ratio": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1.5, "multipleOf": 0.25},
               "offset": {"type": "number", "minimum": -10, "maximum": 99999999999999999999}}}
            """;
        var validator = CompileOne("/schemas/bounds.schema.json", schema, "BoundsSchema", expectedInSource: "number > 9007199254740991L");

        var values = new[] { "0", "1", "-0", "0.5", "1.0", "1.5", "2", "9007199254740991", "9007199254740992", "-9007199254740992", "1e0", "1E400", "-10", "-10.5", "-11",
            "99999999999999999999", "100000000000000000000", "0.25", "1.25", "1.50", "123456789012345678", "1234567890123456789", "-0.0" };
        foreach (var value in values)
        {
            foreach (var member in new[] { "amount", "ratio", "offset" })
            {
                // The fast pass decides plain numbers of up to 20 characters (a fraction is no integer to it); its verdict is the interpreter's.
                var payload = $"{{\"{member}\": {value}}}";
                var decided = value.Length <= 20 && !value.Contains('e') && !value.Contains('E') && !(member == "amount" && value.Contains('.'));
                AssertSameVerdict(validator, payload, decided);
            }
        }
    }

    /// <summary>Generates one schema, checks that the generated source contains <paramref name="expectedInSource"/> (the construct under test) and loads the validator.</summary>
    private static GeneratedValidator CompileOne(string path, string schema, string className, string expectedInSource)
    {
        var run = GeneratorHarness.Run(new[] { new SchemaInput(path, schema) });
        Assert.Contains(expectedInSource, string.Join("\n", run.Compilation.SyntaxTrees.Select(t => t.ToString())));
        return new GeneratedValidator(GeneratorHarness.Load(run.Compilation), className);
    }

    /// <summary>
    /// The compiled pass alone accepts <paramref name="payload"/> exactly when the interpreter does (never when it leaves
    /// the payload undecided: <paramref name="decided"/> false), and the public result is the interpreter's.
    /// </summary>
    private static void AssertSameVerdict(GeneratedValidator validator, string payload, bool decided = true)
    {
        var accepted = validator.Accepts(payload);
        Assert.True(accepted == (decided && validator.Interpreted.Validate(payload).IsValid), $"compiled pass {accepted} on {payload}");
        AssertSameResult(validator, payload);
    }

    private static void AssertSameResult(GeneratedValidator validator, string payload)
    {
        var fast = validator.Validate(payload);
        var reference = validator.Interpreted.Validate(payload);
        Assert.True(fast.IsValid == reference.IsValid && fast.Errors.SequenceEqual(reference.Errors), $"compiled {fast.IsValid}, interpreter {reference.IsValid} on {payload}");
    }

    /// <summary>The first error where two lists part, both sides shown.</summary>
    private static string FirstDifference(IReadOnlyList<ReportedError> compiled, IReadOnlyList<ReportedError> interpreted)
    {
        var i = 0;
        while (i < compiled.Count && i < interpreted.Count && compiled[i] == interpreted[i])
        {
            i++;
        }

        return $"error {i}: compiled {(i < compiled.Count ? compiled[i] + " @" + compiled[i].AbsoluteKeywordLocation : "none")}, interpreter {(i < interpreted.Count ? interpreted[i] + " @" + interpreted[i].AbsoluteKeywordLocation : "none")}";
    }

    private static JsonElement? TryParse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // An unpaired surrogate in the string itself: JsonDocument cannot take it, so there is no element to compare.
            return null;
        }
    }
}
