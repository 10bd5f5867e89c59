using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Hostile;

/// <summary>Error messages can be logged without leaking what the payload held.</summary>
public sealed class RedactionTests
{
    [Fact]
    public void Redacted_messages_keep_pointers_but_not_the_secret()
    {
        const string secret = "pi_1666729870215872512_secret_SHORT";
        var json = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"))
            .Replace("pi_1666729870215872512_secret_jmGL6NBNInPx5zdjIJ2utli4", secret);
        Assert.Contains(secret, json);
        var validator = new GeneratedValidator(ContractSchemas.Assembly, "PaymentIntentSchema");

        var plain = validator.Validate(json);
        var redacted = validator.Validate(json, redactValues: true);

        Assert.Contains(plain.Errors, e => e.Message.Contains(secret));
        Assert.Equal(plain.Errors.Select(e => e.InstanceLocation), redacted.Errors.Select(e => e.InstanceLocation));
        Assert.DoesNotContain(redacted.Errors, e => e.Message.Contains(secret));
        Assert.Contains(redacted.Errors, e => e.Message.Contains("(value withheld)"));
    }
}
