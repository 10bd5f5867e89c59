using System.Text.Json;
using System.Text.Json.Nodes;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace WooshPay.Contracts.Tests.Output;

/// <summary>
/// The generated validator's output format: ToBasicOutputJson()/WriteBasicOutput() follow the JSON Schema
/// 2020-12 "basic" output structure, every absoluteKeywordLocation is an absolute URI whose fragment points
/// into the schema, and StopAtFirstError gives the collect-all verdict with exactly one error.
/// </summary>
public sealed class BasicOutputTests(ITestOutputHelper output)
{
    private static readonly string[] s_errorMembers = { "keywordLocation", "absoluteKeywordLocation", "instanceLocation", "error" };

    /// <summary>Every canonical and documented sample, as "folder/file.json".</summary>
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "canonical", "documented" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Payloads, folder), "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(folder + "/" + Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void Documented_web_payment_request_gives_the_2020_12_basic_shape()
    {
        var (result, basic) = Validate("documented/payment_intent.create.web.request.json", stopAtFirstError: false);
        output.WriteLine(basic);

        var root = JsonNode.Parse(basic)!.AsObject();
        Assert.Equal(new[] { "valid", "errors" }, root.Select(p => p.Key));
        Assert.False(root["valid"]!.GetValue<bool>());
        var errors = root["errors"]!.AsArray();
        Assert.Equal(result.Errors.Count, errors.Count);

        // The published sample's translated keys: "amount" and "currency" are missing, "금액" and "통화" are not allowed.
        var reported = errors.Select(e => (Instance: e!["instanceLocation"]!.GetValue<string>(), Keyword: e["keywordLocation"]!.GetValue<string>())).ToList();
        Assert.Equal(
            new[] { (string.Empty, "/required"), (string.Empty, "/required"), ("/금액", "/additionalProperties"), ("/통화", "/additionalProperties") },
            reported);
        Assert.Contains("\"/금액\"", basic, StringComparison.Ordinal); // Korean written as is, not \uXXXX-escaped.
        Assert.All(errors, e => Assert.Equal(
            "https://wooshpay-contracts.example/v1/payment_intent.create.request.schema.json#" + e!["keywordLocation"]!.GetValue<string>(),
            e["absoluteKeywordLocation"]!.GetValue<string>()));
        AssertBasicShape(basic, result);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_gives_the_basic_shape_with_resolvable_absolute_locations(string sample)
    {
        var (result, basic) = Validate(sample, stopAtFirstError: false);
        output.WriteLine(basic);
        AssertBasicShape(basic, result);
        if (sample.StartsWith("canonical/", StringComparison.Ordinal))
        {
            Assert.True(result.IsValid, sample + " is canonical and must be valid");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void StopAtFirstError_gives_the_collect_all_verdict_with_exactly_one_error(string sample)
    {
        var (all, _) = Validate(sample, stopAtFirstError: false);
        var (first, basic) = Validate(sample, stopAtFirstError: true);
        output.WriteLine($"{sample}: collect-all {(all.IsValid ? "valid" : all.Errors.Count + " errors")}; first: {string.Join("; ", first.Errors)}");

        Assert.Equal(all.IsValid, first.IsValid);
        Assert.Equal(first.IsValid ? 0 : 1, first.Errors.Count);
        AssertBasicShape(basic, first);
        if (!first.IsValid)
        {
            // The one error is a real one: collect-all reports it too.
            Assert.Contains(first.Errors[0], all.Errors);
        }
    }

    /// <summary>{valid} when valid; {valid:false, errors:[{keywordLocation, absoluteKeywordLocation, instanceLocation, error}]} otherwise.</summary>
    private static void AssertBasicShape(string basic, Result result)
    {
        var root = JsonNode.Parse(basic)!.AsObject();
        Assert.Equal(result.IsValid, root["valid"]!.GetValue<bool>());
        if (result.IsValid)
        {
            Assert.Equal(new[] { "valid" }, root.Select(p => p.Key));
            return;
        }

        Assert.Equal(new[] { "valid", "errors" }, root.Select(p => p.Key));
        var errors = root["errors"]!.AsArray();
        Assert.NotEmpty(errors);
        Assert.Equal(result.Errors.Count, errors.Count);
        for (var i = 0; i < errors.Count; i++)
        {
            var error = errors[i]!.AsObject();
            Assert.Equal(s_errorMembers, error.Select(p => p.Key));
            Assert.All(error, p => Assert.Equal(JsonValueKind.String, p.Value!.GetValueKind()));
            var keywordLocation = error["keywordLocation"]!.GetValue<string>();
            var absolute = error["absoluteKeywordLocation"]!.GetValue<string>();
            var instanceLocation = error["instanceLocation"]!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(error["error"]!.GetValue<string>()));

            // The same error as the ValidationResult holds, in order.
            Assert.Equal(result.Errors[i].KeywordLocation, keywordLocation);
            Assert.Equal(result.Errors[i].AbsoluteKeywordLocation, absolute);
            Assert.Equal(result.Errors[i].InstanceLocation, instanceLocation);
            Assert.Equal(result.Errors[i].Message, error["error"]!.GetValue<string>());

            AssertJsonPointer(keywordLocation);
            AssertJsonPointer(instanceLocation);
            AssertAbsoluteKeywordLocation(absolute, keywordLocation);
        }
    }

    /// <summary>
    /// An absolute URI with a fragment: the part before '#' is the $id of a schema under schemas/, the fragment is a
    /// JSON pointer that resolves to a node of that file, and it ends with the keyword location's path after its last $ref.
    /// </summary>
    private static void AssertAbsoluteKeywordLocation(string absolute, string keywordLocation)
    {
        Assert.True(Uri.TryCreate(absolute, UriKind.Absolute, out var uri), absolute + " is not an absolute URI");
        Assert.Equal("https", uri.Scheme);
        var hash = absolute.IndexOf('#', StringComparison.Ordinal);
        Assert.True(hash > 0, absolute + " has no fragment");
        var resource = absolute.Substring(0, hash);
        var pointer = Uri.UnescapeDataString(absolute.Substring(hash + 1));
        AssertJsonPointer(pointer);
        Assert.NotEqual(string.Empty, pointer);

        Assert.True(SchemasById.Value.TryGetValue(resource, out var schema), resource + " is not the $id of a schema under schemas/");
        Assert.True(Resolve(schema, pointer), $"{pointer} does not resolve in {resource}");

        var lastRef = keywordLocation.LastIndexOf("/$ref", StringComparison.Ordinal);
        var tail = lastRef < 0 ? keywordLocation : keywordLocation.Substring(lastRef + "/$ref".Length);
        Assert.EndsWith(tail, pointer, StringComparison.Ordinal);
        if (lastRef < 0)
        {
            Assert.Equal(keywordLocation, pointer);
        }
    }

    private static void AssertJsonPointer(string pointer)
    {
        Assert.True(pointer.Length == 0 || pointer[0] == '/', $"'{pointer}' is not a JSON pointer");
        for (var i = 0; i < pointer.Length; i++)
        {
            Assert.False(pointer[i] == '~' && (i + 1 == pointer.Length || (pointer[i + 1] != '0' && pointer[i + 1] != '1')), $"'{pointer}' has a bad ~ escape");
        }
    }

    private static bool Resolve(JsonElement element, string pointer)
    {
        foreach (var token in JsonPointer.Tokens(pointer))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(token, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index >= 0 && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> SchemasById = new(() =>
        Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json")
            .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement)
            .ToDictionary(root => root.GetProperty("$id").GetString()!, root => root, StringComparer.Ordinal));

    /// <summary>What the generated validator returned, read back through reflection.</summary>
    private sealed record Result(bool IsValid, IReadOnlyList<ReportedError> Errors);

    /// <summary>
    /// Validates a sample with format assertion on and returns the result and ToBasicOutputJson(); also checks that
    /// WriteBasicOutput(Utf8JsonWriter) writes the same JSON.
    /// </summary>
    private static (Result Result, string Basic) Validate(string sample, bool stopAtFirstError)
    {
        var path = Path.Combine(RepoPaths.Payloads, sample);
        var json = File.ReadAllText(path);
        var validator = new GeneratedValidator(ContractSchemas.Assembly, ContractSchemas.SchemaClassFor(path));
        var (isValid, errors, basic) = validator.Validate(json, stopAtFirstError, assertFormats: true);
        var written = validator.WriteBasicOutput(json, stopAtFirstError, assertFormats: true);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(basic)), "WriteBasicOutput and ToBasicOutputJson differ");
        return (new Result(isValid, errors), basic);
    }
}
