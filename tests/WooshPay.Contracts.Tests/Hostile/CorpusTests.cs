using System.Reflection;
using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>
/// Every payload of <c>corpus/corpus.json</c> (the issue's cases 1 to 7) gets its expected errors from the compiled path
/// and from the interpreter, identically, as UTF-8 bytes; and the model's Parse agrees with the validator: what the
/// validator accepts parses, what Parse rejects the validator rejects.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string s_folder = Path.Combine(RepoPaths.TestsProject, "Hostile", "corpus");

    private static readonly Lazy<Assembly> s_patternProbe = new(() => GeneratorHarness.Load(GeneratorHarness.Run(new[]
    {
        new SchemaInput(Path.Combine(s_folder, "pattern.schema.json"), File.ReadAllText(Path.Combine(s_folder, "pattern.schema.json"))),
    }).Compilation));

    private static IReadOnlyList<JsonElement> Cases()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(s_folder, "corpus.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList();
    }

    public static IEnumerable<object[]> CaseIndices() => Enumerable.Range(0, Cases().Count).Select(i => new object[] { i, Name(Cases()[i]) });

    private static string Name(JsonElement c)
        => c.TryGetProperty("file", out var file) ? file.GetString()! : c.GetProperty("generator").GetString() + " x " + c.GetProperty("size").GetInt32()
            + " (" + c.GetProperty("schema").GetString() + ")";

    [Fact]
    public void The_corpus_covers_every_case_of_the_issue_and_lists_every_file()
    {
        var cases = Cases();

        Assert.Equal(Enumerable.Range(1, 7), cases.Select(c => c.GetProperty("issueCase").GetInt32()).Distinct().Order());
        var listed = cases.Where(c => c.TryGetProperty("file", out _)).Select(c => c.GetProperty("file").GetString()).ToHashSet();
        var payloads = Directory.EnumerateFiles(s_folder, "*.json").Select(Path.GetFileName)
            .Where(f => f != "corpus.json" && !f!.EndsWith(".schema.json", StringComparison.Ordinal));
        Assert.All(payloads, f => Assert.Contains(f, listed));
        Assert.All(cases.Where(c => c.TryGetProperty("generator", out _)), c => Assert.True(HostilePayloads.Generators.ContainsKey(c.GetProperty("generator").GetString()!)));
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void A_corpus_payload_gets_its_errors_from_both_paths_and_Parse_agrees(int index, string name)
    {
        var c = Cases()[index];
        var payload = Payload(c);
        var schema = c.GetProperty("schema").GetString()!;
        var assembly = schema == "PatternProbeSchema" ? s_patternProbe.Value : ContractSchemas.Assembly;
        var validator = new GeneratedValidator(assembly, schema);
        var redact = c.TryGetProperty("redactValues", out var r) && r.GetBoolean();

        var compiled = validator.ValidateUtf8(payload, redactValues: redact);
        var interpreted = validator.ValidateUtf8(payload, interpreted: true, redactValues: redact);
        var compiledFirst = validator.ValidateUtf8(payload, stopAtFirstError: true, redactValues: redact);
        var interpretedFirst = validator.ValidateUtf8(payload, interpreted: true, stopAtFirstError: true, redactValues: redact);

        var found = compiled.Errors.Select(e => (e.InstanceLocation, e.Keyword)).ToList();
        if (c.TryGetProperty("errors", out var errors))
        {
            var expected = errors.EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetString()!)).ToList();
            Assert.True(expected.SequenceEqual(found), $"{name}: expected [{string.Join(", ", expected)}], found:\n{string.Join("\n", compiled.Errors)}");
        }
        else
        {
            Assert.Equal((c.GetProperty("first")[0].GetString(), c.GetProperty("first")[1].GetString()), found[0]);
            Assert.Equal(c.GetProperty("count").GetInt32(), found.Count);
        }

        Assert.Equal(c.TryGetProperty("truncated", out var truncated) && truncated.GetBoolean(), compiled.ErrorsTruncated);
        Assert.Equal(interpreted.Errors, compiled.Errors);
        Assert.Equal(interpreted.BasicOutput, compiled.BasicOutput);
        Assert.Equal(interpreted.ErrorsTruncated, compiled.ErrorsTruncated);
        Assert.Equal(compiled.IsValid, compiledFirst.IsValid);
        Assert.Equal(interpretedFirst.Errors, compiledFirst.Errors);
        Assert.True(compiledFirst.Errors.Count <= 1);
        if (c.TryGetProperty("mustNotShow", out var secret))
        {
            Assert.DoesNotContain(secret.GetString()!, compiled.BasicOutput);
            Assert.DoesNotContain(compiled.Errors, e => e.ToString().Contains(secret.GetString()!));
        }

        var (parsed, parsePointer) = Parse(assembly, c.GetProperty("model").GetString()!, payload);
        Assert.Equal(c.GetProperty("parse").GetString(), parsed ? "accepts" : "rejects");
        if (c.TryGetProperty("parsePointer", out var pointer))
        {
            Assert.Equal(pointer.GetString(), parsePointer);
        }

        Assert.True(!compiled.IsValid || parsed, $"{name}: the validator accepts what Parse rejects at {parsePointer}");
    }

    /// <summary>The case's bytes: its file, or its generator run on its canonical sample.</summary>
    private static byte[] Payload(JsonElement c)
        => c.TryGetProperty("file", out var file)
            ? File.ReadAllBytes(Path.Combine(s_folder, file.GetString()!))
            : HostilePayloads.Generators[c.GetProperty("generator").GetString()!](
                File.ReadAllBytes(Path.Combine(RepoPaths.Payloads, c.GetProperty("canonical").GetString()!)), c.GetProperty("size").GetInt32());

    /// <summary>Parses the bytes with the model's <c>Parse(ReadOnlySpan&lt;byte&gt;)</c>: accepted, or the pointer of its ContractJsonException (any other exception fails the test).</summary>
    private static (bool Parsed, string? Pointer) Parse(Assembly assembly, string model, byte[] payload)
    {
        var parse = assembly.GetType(GeneratorHarness.DefaultNamespace + "." + model)!.GetMethod("Parse", new[] { typeof(ReadOnlySpan<byte>) })!;
        try
        {
            SpanCall.Create(parse)(payload, null);
            return (true, null);
        }
        catch (Exception e) when (e.GetType().Name == "ContractJsonException")
        {
            return (false, (string)e.GetType().GetProperty("Pointer")!.GetValue(e)!);
        }
    }
}
