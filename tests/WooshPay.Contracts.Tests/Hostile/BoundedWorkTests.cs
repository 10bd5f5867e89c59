using System.Text;
using System.Text.Json;
using CsCheck;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>Large hostile arrays: a bounded error list, and uniqueItems that tells distinct containers apart.</summary>
public sealed class BoundedWorkTests
{
    private static string WithPaymentMethodTypes(string items)
        => File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"))
            .Replace("\"payment_method_types\": [\n        \"alipay\"\n    ]", "\"payment_method_types\": [" + items + "]");

    private static string Items(int count, Func<int, string> item)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append(item(i));
        }

        return sb.ToString();
    }

    [Fact]
    public void Two_hundred_thousand_bad_items_yield_MaxErrors_errors_and_say_so()
    {
        var json = WithPaymentMethodTypes(Items(200_000, i => "\"unknown_" + i + "\""));
        Assert.Contains("unknown_199999", json);
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentSchema");

        var result = validator.Validate(json);

        Assert.False(result.IsValid);
        Assert.Equal(100, result.Errors.Count);
        Assert.True(validator.ErrorsTruncated(json));
    }

    [Fact]
    public void A_few_errors_are_not_truncated()
    {
        var json = WithPaymentMethodTypes("\"unknown_1\"");
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentSchema");

        var result = validator.Validate(json);

        Assert.False(result.IsValid);
        Assert.InRange(result.Errors.Count, 1, 99);
        Assert.False(validator.ErrorsTruncated(json));
    }

    [Fact]
    public void Unique_items_finds_the_pair_a_pairwise_comparison_finds()
    {
        // Few distinct values in many spellings (numbers, escapes, member order), so equal items are common: the hashed
        // search on the bytes, compiled and interpreted, must name the pair that comparing every two items names first.
        var validator = UniqueValidator();
        string[] spellings = { "1", "1.0", "1e0", "10e-1", "2", "-0", "0", "100", "1E+2", "1.00e2", "0.5", "5e-1", "-1", "-1.0", "0.0e7", "\"a\"", "\"\\u0061\"", "\"\u00e9\"", "\"\\u00e9\"", "true", "false", "null" };
        var scalar = Gen.Int[0, spellings.Length - 1].Select(i => spellings[i]);
        var value = Gen.OneOf(scalar,
            scalar.Array[0, 2].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(scalar, scalar, Gen.Bool).Select((a, b, swap) => swap ? "{\"b\":" + b + ",\"a\":" + a + "}" : "{\"a\":" + a + ",\"b\":" + b + "}"));
        value.Array[0, 12].Sample(items =>
        {
            var array = "[" + string.Join(",", items) + "]";
            var expected = FirstEqualPair(array);
            foreach (var result in new[] { validator.Validate(array), validator.Interpreted.Validate(array) })
            {
                var error = result.Errors.SingleOrDefault(e => e.Keyword == "uniqueItems");
                Assert.Equal(expected is { } pair ? "Items " + pair.First + " and " + pair.Second + " are equal; items must be unique." : null, error?.Message);
            }
        }, iter: 3_000);
    }

    /// <summary>The earliest second item equal to an earlier one, and the first item it equals, by comparing every two.</summary>
    private static (int First, int Second)? FirstEqualPair(string array)
    {
        using var document = JsonDocument.Parse(array);
        var items = document.RootElement.EnumerateArray().ToList();
        for (var second = 1; second < items.Count; second++)
        {
            for (var first = 0; first < second; first++)
            {
                if (JsonSemantics.AreEqual(items[first], items[second], out _))
                {
                    return (first, second);
                }
            }
        }

        return null;
    }

    private static GeneratedValidator UniqueValidator()
    {
        var schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"https://example.test/u\",\"title\":\"Unique\",\"uniqueItems\":true}";
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/unique.schema.json", schema) });
        return new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "UniqueSchema");
    }

    [Theory]
    [InlineData("[[1],[2],[1.0]]", 0, 2)]
    [InlineData("[{\"a\":1,\"b\":[true]},{\"b\":[true],\"a\":1e0}]", 0, 1)]
    [InlineData("[[1,2],[2,1]]", -1, -1)]
    [InlineData("[\"b\",\"a\",\"\\u0061\"]", 1, 2)]
    [InlineData("[[\"\\u00e9\"],[\"\u00e9\"]]", 0, 1)]
    [InlineData("[\"\\u00e9\",\"e\",\"\u00e8\"]", -1, -1)]
    [InlineData("[true,false,null,0,\"\",[],{}]", -1, -1)]
    public void Unique_items_compare_containers_by_value(string array, int first, int second)
    {
        var validator = UniqueValidator();

        var result = validator.Validate(array);

        Assert.Equal(first < 0, result.IsValid);
        if (first >= 0)
        {
            Assert.Contains(result.Errors, e => e.Keyword == "uniqueItems" && e.Message.StartsWith("Items " + first + " and " + second + " "));
        }
    }
}
