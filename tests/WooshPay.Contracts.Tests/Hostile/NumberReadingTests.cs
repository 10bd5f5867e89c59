using System.Reflection;
using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>An amount is read exactly or refused: the validator and Parse agree on every number.</summary>
public sealed class NumberReadingTests
{
    [Theory]
    [InlineData("20", 20L)]
    [InlineData("20.0", 20L)] // JSON Schema counts a zero fraction as an integer; so does Parse
    [InlineData("2e1", 20L)]
    [InlineData("2000E-2", 20L)]
    [InlineData("9007199254740991", 9007199254740991L)]
    public void An_integer_in_any_spelling_is_accepted_and_read_exactly(string amount, long expected)
    {
        var json = Request(amount);
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentCreateRequestSchema");

        var result = validator.Validate(json);
        var model = Parse(json);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(expected, (long)model.GetType().GetProperty("Amount")!.GetValue(model)!);
    }

    [Theory]
    [InlineData("20.0000000000000000000000000000001", "type")]
    [InlineData("1e-400", "type")]
    [InlineData("20.5", "type")]
    [InlineData("1e400", "maximum")]
    [InlineData("1e19", "maximum")]
    [InlineData("9223372036854775808", "maximum")]
    [InlineData("9007199254740992", "maximum")]
    [InlineData("-0", "minimum")]
    public void A_number_Parse_cannot_hold_exactly_is_refused_by_both(string amount, string keyword)
    {
        var json = Request(amount);
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentCreateRequestSchema");

        var result = validator.Validate(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/amount" && e.Keyword == keyword);
        if (keyword != "maximum" && keyword != "minimum")
        {
            // Within long's range Parse reads the number (the bounds are the validator's business); beyond it, or fractional, it refuses.
            var error = Assert.Throws<TargetInvocationException>(() => Parse(json)).InnerException!;
            Assert.Equal("ContractJsonException", error.GetType().Name);
            Assert.Equal("/amount", (string)error.GetType().GetProperty("Pointer")!.GetValue(error)!);
        }
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("1e19")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    public void Parse_refuses_an_integer_outside_long_instead_of_rounding_it(string amount)
    {
        var error = Assert.Throws<TargetInvocationException>(() => Parse(Request(amount))).InnerException!;
        Assert.Equal("ContractJsonException", error.GetType().Name);
        Assert.Contains("outside the range", error.Message);
    }

    [Fact]
    public void Every_integer_of_the_contract_has_a_maximum_that_Parse_reads_exactly()
    {
        // Without a maximum, 9223372036854775808 would be valid to the validator and refused by Parse.
        var unbounded = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json"))
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(file));
            CollectUnboundedIntegers(schema.RootElement, Path.GetFileName(file) + "#", unbounded);
        }

        Assert.Empty(unbounded);
    }

    private static void CollectUnboundedIntegers(JsonElement node, string pointer, List<string> unbounded)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in node.EnumerateArray())
            {
                CollectUnboundedIntegers(item, pointer + "/" + index++, unbounded);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("type", out var type) && Names(type).Contains("integer")
            && !(node.TryGetProperty("maximum", out var maximum) && maximum.GetDecimal() <= 9007199254740991m))
        {
            unbounded.Add(pointer);
        }

        foreach (var member in node.EnumerateObject())
        {
            CollectUnboundedIntegers(member.Value, pointer + "/" + member.Name, unbounded);
        }
    }

    /// <summary>The names of a <c>type</c> keyword (a string or an array of them); nothing for a property named "type".</summary>
    private static IEnumerable<string?> Names(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => new[] { type.GetString() },
        JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()),
        _ => Array.Empty<string?>(),
    };

    private static string Request(string amount) => "{\"amount\":" + amount + ",\"currency\":\"CNY\"}";

    private static object Parse(string json)
        => ContractSchemas.Assembly.GetType(GeneratorHarness.DefaultNamespace + ".PaymentIntentCreateRequest")!
            .GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { json })!;
}
