using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>Patterns run on the NonBacktracking engine when they can: catastrophic patterns get a verdict, not a timeout.</summary>
public sealed class PatternTests
{
    private static GeneratedValidator Pattern(string pattern)
    {
        var schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"https://example.test/p\",\"title\":\"Patterned\",\"type\":\"string\",\"pattern\":"
            + System.Text.Json.JsonSerializer.Serialize(pattern) + "}";
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/patterned.schema.json", schema) });
        return new GeneratedValidator(GeneratorHarness.Load(output.Compilation), "PatternedSchema");
    }

    [Fact]
    public void A_nested_quantifier_gets_a_real_verdict_on_a_hostile_value()
    {
        var validator = Pattern("^(a+)+$");
        var hostile = "\"" + new string('a', 34) + "!\"";

        var result = validator.Validate(hostile);

        Assert.False(result.IsValid);
        Assert.Equal("pattern", Assert.Single(result.Errors).Keyword);
        Assert.True(validator.Validate("\"" + new string('a', 34) + "\"").IsValid);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", true)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", true)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", false)]
    public void An_alternation_after_a_nested_quantifier_is_not_falsely_rejected(string value, bool valid)
    {
        var result = Pattern("^(?:(a+)+b|a*c)$").Validate("\"" + value + "\"");

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void A_backtracking_pattern_over_its_budget_is_its_own_error_not_a_mismatch()
    {
        // A lookahead keeps the pattern on the backtracking engine; this input makes it exponential.
        var result = Pattern("^(?=(a+)+$)a*$").Validate("\"" + new string('a', 40) + "!\"");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("patternBudget", error.Keyword);
        Assert.Contains("exceeded its budget", error.Message);
    }
}
