using System.Text;
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

    [Theory]
    [InlineData("[[1],[2],[1.0]]", 0, 2)]
    [InlineData("[{\"a\":1,\"b\":[true]},{\"b\":[true],\"a\":1e0}]", 0, 1)]
    [InlineData("[[1,2],[2,1]]", -1, -1)]
    [InlineData("[true,false,null,0,\"\",[],{}]", -1, -1)]
    public void Unique_items_compare_containers_by_value(string array, int first, int second)
    {
        var schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"https://example.test/u\",\"title\":\"Unique\",\"uniqueItems\":true}";
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/unique.schema.json", schema) });
        var validator = new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "UniqueSchema");

        var result = validator.Validate(array);

        Assert.Equal(first < 0, result.IsValid);
        if (first >= 0)
        {
            Assert.Contains(result.Errors, e => e.Keyword == "uniqueItems" && e.Message.StartsWith("Items " + first + " and " + second + " "));
        }
    }
}
