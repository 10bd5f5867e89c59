using System.Text;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>Input built to break things gets a clear error with a location: no exception, no hang.</summary>
public sealed class HostileInputTests
{
    private static GeneratedValidator Request => new(ContractSchemas.Assembly, "PaymentIntentCreateRequestSchema");

    [Fact]
    public void Deeply_nested_json_is_rejected_as_invalid_json_not_a_stack_overflow()
    {
        var json = "{\"metadata\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        var result = Request.Validate(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("json", error.Keyword);
        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"amount\": 20,}")]
    [InlineData("{\"amount\": 20} trailing")]
    [InlineData("\u0000")]
    public void Malformed_json_is_one_error_that_says_where(string json)
    {
        var result = Request.Validate(json);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("json", error.Keyword);
        Assert.StartsWith("Invalid JSON", error.Message);
    }

    [Theory]
    [InlineData("{\"amount\": 20, \"currency\": \"\\ud800\"}", "/currency", "String")]
    [InlineData("{\"amount\": 20, \"currency\": \"CNY\", \"\\ud800\": 1}", "/\uFFFD", "Property name")]
    [InlineData("{\"amount\": 20, \"currency\": \"CNY\", \"description\": \"LONE\"}", "/description", "String")]
    [InlineData("{\"amount\": 20, \"currency\": \"CNY\", \"LONE\": \"x\"}", "/\uFFFD", "Property name")]
    public void A_lone_surrogate_is_one_error_at_its_pointer(string json, string pointer, string what)
    {
        // An unpaired surrogate in the .NET string itself (attribute arguments cannot hold one) is reported too, not replaced by U+FFFD.
        json = json.Replace("LONE", "\ud800");
        var result = Request.Validate(json);
        var interpreted = Request.Interpreted.Validate(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal((pointer, "invalidUnicode"), (error.InstanceLocation, error.Keyword));
        Assert.Equal(what + " holds a lone surrogate, which is not valid Unicode; the document is rejected.", error.Message);
        Assert.Equal(result.Errors, interpreted.Errors);
    }

    [Fact]
    public void A_huge_payload_with_many_unknown_keys_reports_the_first_MaxErrors_at_their_pointers()
    {
        var sb = new StringBuilder("{\"amount\": 20, \"currency\": \"CNY\"");
        for (var i = 0; i < 5_000; i++)
        {
            sb.Append(",\"k").Append(i).Append("\": ").Append(i);
        }

        var result = Request.Validate(sb.Append('}').ToString());

        // The default ValidationOptions.MaxErrors (100) bounds the list.
        Assert.Equal(100, result.Errors.Count(e => e.Keyword == "additionalProperties"));
        Assert.Equal("/k0", result.Errors[0].InstanceLocation);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/k99");
    }

    [Fact]
    public void A_reference_cycle_that_consumes_no_input_ends_with_an_error()
    {
        var schema = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}}, \"$ref\": \"#/$defs/a\"}";
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/cycle.schema.json", schema, new Dictionary<string, string> { ["GenerateModels"] = "false" }) });
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "CycleSchema");

        var result = validator.Validate("{}");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("nested too deeply"));
    }

    [Fact]
    public void A_reference_cycle_on_a_thread_with_a_small_stack_ends_with_an_error_not_a_stack_overflow()
    {
        // The compiled pass asks the runtime for stack only every eighth level of nesting: on a 256 KB thread, much of it
        // the runtime's reserve, the cycle still ends in the error, whichever limit it meets first.
        var schema = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$defs\": {\"a\": {\"type\": \"object\", \"$ref\": \"#/$defs/b\"}, \"b\": {\"required\": [\"x\"], \"$ref\": \"#/$defs/a\"}}, \"$ref\": \"#/$defs/a\"}";
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/cycle.schema.json", schema, new Dictionary<string, string> { ["GenerateModels"] = "false" }) });
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "CycleSchema");
        // Loaded and compiled by the JIT here, so the small thread only validates.
        validator.Validate("{\"x\": 1}");

        IReadOnlyList<ReportedError>? errors = null;
        var thread = new Thread(() => errors = validator.Validate("{\"x\": 1}").Errors, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(errors);
        Assert.Contains(errors, e => e.Message.Contains("nested too deeply"));
    }

    [Theory]
    [InlineData("{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}}, \"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"#/$defs/a\"}}}")]
    [InlineData("{\"$defs\": {\"list\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/list\"}}}, \"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"#/$defs/list\"}}}")]
    [InlineData("{\"title\": \"Tree\", \"type\": \"object\", \"properties\": {\"children\": {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}}}")]
    public void Recursive_schemas_generate_code_that_compiles(string schema)
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/recursive.schema.json", schema) });

        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Empty(output.CompilationDiagnostics);
    }

    [Fact]
    public void Absolute_keyword_locations_are_uris_even_for_non_ascii_names()
    {
        var schema = "{\"properties\": {\"금액 합계\": {\"type\": \"integer\"}}}";
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/korean.schema.json", schema, new Dictionary<string, string> { ["GenerateModels"] = "false" }) });
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "KoreanSchema");

        var error = Assert.Single(validator.Validate("{\"금액 합계\": \"20\"}").Errors);

        Assert.Equal("/금액 합계", error.InstanceLocation);
        Assert.Equal("file:///project/korean.schema.json#/properties/%EA%B8%88%EC%95%A1%20%ED%95%A9%EA%B3%84/type", error.AbsoluteKeywordLocation);
        Assert.All(error.AbsoluteKeywordLocation, c => Assert.True(c > 0x20 && c < 0x7F, $"U+{(int)c:X4} in a URI"));
    }

    [Fact]
    public void Pointers_escape_slash_and_tilde_in_property_names()
    {
        var result = Request.Validate("{\"amount\": 20, \"currency\": \"CNY\", \"a/b~c\": 1}");

        Assert.Contains(result.Errors, e => e.InstanceLocation == "/a~1b~0c");
    }
}
