using System.Security.Cryptography;
using System.Text;

namespace WooshPay.Contracts.WebhookTests;

/// <summary>Event payloads and signatures built independently of the code under test.</summary>
internal static class EventSamples
{
    public const string Secret = "whsec_test_5f0c8a1e2b3d4c6e7f8091a2b3c4d5e6";

    private static readonly string s_canonicalDirectory = Path.Combine(RepoRoot(), "samples", "payloads", "canonical");

    /// <summary>The hex HMAC-SHA256 of "t.payload" keyed with <paramref name="secret"/>, computed with HMACSHA256 directly.</summary>
    public static string Sign(long t, string payload, string secret = Secret)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}")));

    public static string Header(long t, string payload, string secret = Secret) => $"t={t},v1={Sign(t, payload, secret)}";

    /// <summary>A canonical sample payload's text.</summary>
    public static string Canonical(string fileName) => File.ReadAllText(Path.Combine(s_canonicalDirectory, fileName));

    /// <summary>An event of <paramref name="type"/> whose data.object is <paramref name="resourceJson"/>.</summary>
    public static string Event(string type, string resourceJson, string id = "evt_3000000000000000001")
        => $$$"""
           {"id":"{{{id}}}","object":"event","type":"{{{type}}}","api_version":"2023-10-16","created":1700000000000,"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"data":{"object":{{{resourceJson}}}}}
           """;

    public static string PaymentIntent => Canonical("payment_intent.create.web.response.json");

    public static string Refund => Canonical("refund.create.response.json");

    public static string CheckoutSession => Canonical("checkout.session.create.response.json");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A clock fixed at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
