using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>Error messages can be logged without leaking what the payload held.</summary>
public sealed class RedactionTests
{
    private const string CanonicalSecret = "pi_1666729870215872512_secret_jmGL6NBNInPx5zdjIJ2utli4";

    private static string PaymentIntentWithSecret(string secretJson)
        => File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"))
            .Replace("\"" + CanonicalSecret + "\"", secretJson);

    [Theory]
    [InlineData("\"pi_1666729870215872512_secret_SHORT\"", "pi_1666729870215872512_secret_SHORT")] // pattern
    [InlineData("\"pi_1666729870215872512_secret_SHORT_LEAKED_SECRET_VALUE_abcdef\"", "LEAKED_SECRET_VALUE")] // pattern, longer
    [InlineData("12345987654321", "12345987654321")] // type
    [InlineData("[\"sk_live_leaked\"]", "sk_live_leaked")] // type, inside a container
    public void A_sensitive_value_never_appears_in_errors_output_or_text_by_default(string secretJson, string secret)
    {
        var json = PaymentIntentWithSecret(secretJson);
        Assert.Contains(secret, json);
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentSchema");

        var result = validator.Validate(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/client_secret");
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains(secret) || e.ToString().Contains(secret));
        Assert.DoesNotContain(secret, result.BasicOutput);
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(validator.WriteBasicOutput(json)));
        if (secretJson.StartsWith('"'))
        {
            // A pattern failure names the value it rejects: here in its withheld form.
            Assert.Contains(result.Errors, e => e.InstanceLocation == "/client_secret" && e.Message.Contains("(value withheld)"));
        }
    }

    [Fact]
    public void Values_outside_sensitive_properties_stay_visible_unless_redacted()
    {
        var json = PaymentIntentWithSecret("\"" + CanonicalSecret + "\"").Replace("\"currency\": \"CNY\"", "\"currency\": \"zzz_visible\"");
        Assert.Contains("zzz_visible", json);
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentSchema");

        var plain = validator.Validate(json);
        var redacted = validator.Validate(json, redactValues: true);

        Assert.Contains(plain.Errors, e => e.Message.Contains("zzz_visible"));
        Assert.Equal(plain.Errors.Select(e => e.InstanceLocation), redacted.Errors.Select(e => e.InstanceLocation));
        Assert.DoesNotContain(redacted.Errors, e => e.Message.Contains("zzz_visible"));
        Assert.Contains(redacted.Errors, e => e.Message.Contains("(value withheld)"));
    }

    [Fact]
    public void Redaction_hides_the_names_of_undeclared_properties_in_pointers_and_messages()
    {
        const string secretKey = "pi_1666729870215872512_secret_AsAKeyAsAKeyAsAKeyAsAKey";
        var json = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.request.json"));
        json = json.Insert(json.IndexOf('{') + 1, "\"" + secretKey + "\": 1,");
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentCreateRequestSchema");

        var plain = validator.Validate(json);
        var redacted = validator.Validate(json, redactValues: true);

        Assert.Contains(plain.Errors, e => e.InstanceLocation == "/" + secretKey);
        Assert.False(redacted.IsValid);
        Assert.DoesNotContain(secretKey, redacted.BasicOutput);
        Assert.DoesNotContain(redacted.Errors, e => e.ToString().Contains(secretKey));
        Assert.Contains(redacted.Errors, e => e.InstanceLocation == "/(name withheld)");
    }
}
