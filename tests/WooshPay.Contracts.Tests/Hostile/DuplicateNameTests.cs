using System.Reflection;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>An object that names a member twice is refused by the validator and by Parse, at the second occurrence.</summary>
public sealed class DuplicateNameTests
{
    [Theory]
    [InlineData("{\"amount\":1,\"amount\":100000,\"currency\":\"CNY\"}", "/amount")]
    [InlineData("{\"amount\":100,\"currency\":\"CNY\",\"currency\":\"usd\"}", "/currency")]
    [InlineData("{\"amount\":100,\"currency\":\"CNY\",\"metadata\":{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"}}", "/metadata/a")]
    [InlineData("{\"amount\":100,\"currency\":\"CNY\",\"metadata\":{\"a/b\":\"1\",\"a/b\":\"3\"}}", "/metadata/a~1b")]
    public void A_repeated_name_is_an_error_at_its_second_occurrence(string json, string pointer)
    {
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentCreateRequestSchema");
        var withoutDuplicate = validator.Validate(json.Replace("\"amount\":1,", string.Empty).Replace(",\"currency\":\"usd\"", string.Empty)
            .Replace(",\"a\":\"3\"", string.Empty).Replace(",\"a/b\":\"3\"", string.Empty));

        var result = validator.Validate(json);
        var failFast = validator.Validate(json, stopAtFirstError: true);

        Assert.True(withoutDuplicate.IsValid, string.Join("\n", withoutDuplicate.Errors));
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("duplicateKey", pointer), (error.Keyword, error.InstanceLocation));
        Assert.False(failFast.IsValid);
        Assert.Equal(pointer, ParseFailure("PaymentIntentCreateRequest", json));
    }

    private static string ParseFailure(string type, string json)
    {
        var parse = ContractSchemas.Assembly.GetType(GeneratorHarness.DefaultNamespace + "." + type)!.GetMethod("Parse", new[] { typeof(string) })!;
        var error = Assert.Throws<TargetInvocationException>(() => parse.Invoke(null, new object[] { json })).InnerException!;
        Assert.Equal("ContractJsonException", error.GetType().Name);
        return (string)error.GetType().GetProperty("Pointer")!.GetValue(error)!;
    }
}
