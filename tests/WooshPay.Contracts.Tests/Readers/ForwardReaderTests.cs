using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Readers;

/// <summary>
/// The generated Parse reads UTF-8 in one forward pass: names matched as bytes (escaped ones too), text that is not
/// Unicode refused where it stands, in the validator's words, values withheld on request, and a model validated
/// without a fresh buffer per call.
/// </summary>
public sealed class ForwardReaderTests
{
    private const string Request = """{"amount":100,"currency":"CNY","metadata":{"order":"A1"}}""";

    /// <summary>A probe compiled beside the generated code: Parse over bytes (no reflection on span parameters), and allocation counts.</summary>
    private static readonly Lazy<Type> s_probe = new(() =>
    {
        const string Probe = """
            public static class ReaderProbe
            {
                public static object Parse(byte[] utf8, bool redact)
                {
                    try { return WooshPay.Contracts.PaymentIntentCreateRequest.Parse(utf8, new WooshPay.Contracts.Runtime.ParseOptions { RedactValues = redact }); }
                    catch (WooshPay.Contracts.Runtime.ContractJsonException e) { return e; }
                }

                public static object ParseEvent(byte[] utf8) => WooshPay.Contracts.WooshPayEvent.Parse(utf8);

                public static long ValidateAllocations(string json)
                {
                    var model = WooshPay.Contracts.PaymentIntentCreateRequest.Parse(json);
                    var options = new WooshPay.Contracts.Runtime.ValidationOptions { AssertFormats = false };
                    long before = 0;
                    var valid = true;
                    for (var round = 0; round < 2; round++)
                    {
                        before = System.GC.GetAllocatedBytesForCurrentThread();
                        for (var n = 0; n < 100; n++) valid &= model.Validate(options).IsValid;
                    }

                    return valid ? System.GC.GetAllocatedBytesForCurrentThread() - before : -1;
                }
            }
            """;
        var compilation = ContractSchemas.Output.Compilation;
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Probe, (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        return GeneratorHarness.Load(compilation).GetType("ReaderProbe")!;
    });

    public static TheoryData<string, byte[], string> NotUnicode() => new()
    {
        { "invalid UTF-8 in a string", Bytes("""{"amount":100,"currency":"C""", "NY\"}"), "/currency" },
        { "a lone surrogate escape", Encoding.UTF8.GetBytes("""{"amount":100,"currency":"\ud800"}"""), "/currency" },
        { "a lone low surrogate escape in a map value", Encoding.UTF8.GetBytes("""{"amount":100,"currency":"CNY","metadata":{"k":"a\udc00"}}"""), "/metadata/k" },
        { "invalid UTF-8 deep in a kept unknown member", Bytes("{\"amount\":100,\"currency\":\"CNY\",\"extra\":[1,{\"x\":\"", "\"}]}"), "/extra" }, // names inside a kept value are not shown: one may be a secret
    };

    [Theory]
    [MemberData(nameof(NotUnicode))]
    public void Text_that_is_not_Unicode_is_refused_at_its_pointer_in_the_toolkits_words(string what, byte[] utf8, string pointer)
    {
        var error = Assert.IsAssignableFrom<Exception>(Probe("Parse", utf8, false));

        Assert.Equal("ContractJsonException", error.GetType().Name);
        Assert.Equal(pointer, PointerOf(error));
        Assert.Contains("is not valid Unicode", error.Message);
        Assert.DoesNotContain("UTF-16", error.Message);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void An_escaped_name_is_the_name_it_spells_and_counts_for_duplicates()
    {
        var amount = Probe("Parse", Encoding.UTF8.GetBytes("""{"\u0061mount":100,"currency":"CNY"}"""), false);
        var twice = Probe("Parse", Encoding.UTF8.GetBytes("""{"amount":1,"\u0061mount":100000,"currency":"CNY"}"""), false);

        Assert.Equal(100L, amount.GetType().GetProperty("Amount")!.GetValue(amount));
        Assert.Equal("/amount", PointerOf((Exception)twice));
    }

    [Fact]
    public void Members_in_any_order_and_unknown_ones_survive_the_round_trip()
    {
        const string Json = """{"unknown_b":{"deep":[1,2.50,"x"]},"currency":"CNY","metadata":{"order":"A1"},"amount":100,"unknown_a":null}""";
        var model = Probe("Parse", Encoding.UTF8.GetBytes(Json), false);

        var written = (string)model.GetType().GetMethod("ToJson")!.Invoke(model, new object[] { false })!;

        Assert.Equal("""{"amount":100,"currency":"CNY","metadata":{"order":"A1"},"unknown_b":{"deep":[1,2.50,"x"]},"unknown_a":null}""", written);
    }

    [Fact]
    public void A_union_is_read_by_its_discriminator_wherever_it_stands()
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json"));
        var body = json.Replace("\"object\": \"payment_intent\",", string.Empty).Trim().TrimEnd('}');
        Assert.DoesNotContain("\"payment_intent\"", body);
        var resource = body + ", \"object\": \"payment_intent\" }";
        var evt = "{\"id\":\"evt_3000000000000000001\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"api_version\":\"2023-10-16\","
            + "\"created\":1700000000000,\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"data\":{\"object\":" + resource + "}}";

        var parsed = Probe("ParseEvent", Encoding.UTF8.GetBytes(evt));
        var data = parsed.GetType().GetProperty("Data")!.GetValue(parsed)!;

        Assert.Equal("PaymentIntent", data.GetType().GetProperty("Object")!.GetValue(data)!.GetType().Name);
    }

    [Fact]
    public void A_valid_model_validates_without_allocating()
    {
        Assert.Equal(0L, (long)s_probe.Value.GetMethod("ValidateAllocations")!.Invoke(null, new object[] { Request })!);
    }

    private const string Vault = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Vault",
          "type": "object",
          "properties": {
            "kind": { "enum": ["card", "wallet"] },
            "secret_kind": { "enum": ["pin", "otp"], "x-sensitive": true }
          },
          "additionalProperties": false
        }
        """;

    private static readonly Lazy<Assembly> s_strictVault = new(() =>
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/vault.schema.json", Vault) }, new Dictionary<string, string> { ["WooshPayContractsStrict"] = "true" });
        return GeneratorHarness.Load(output.Compilation);
    });

    [Theory]
    [InlineData("""{"kind":"hunter2"}""", false, "/kind", true)]
    [InlineData("""{"kind":"hunter2"}""", true, "/kind", false)]
    [InlineData("""{"secret_kind":"hunter2"}""", false, "/secret_kind", false)]
    [InlineData("""{"kind":"card","hunter2":1}""", false, "/hunter2", true)]
    [InlineData("""{"kind":"card","hunter2":1}""", true, "/(name withheld)", false)]
    public void Strict_parse_quotes_a_value_only_when_neither_the_schema_nor_the_caller_withholds_it(string json, bool redact, string pointer, bool quoted)
    {
        var vault = s_strictVault.Value.GetType("WooshPay.Contracts.Vault")!;
        var optionsType = s_strictVault.Value.GetType("WooshPay.Contracts.Runtime.ParseOptions")!;
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("RedactValues")!.SetValue(options, redact);

        var error = Assert.Throws<TargetInvocationException>(() => vault.GetMethod("Parse", new[] { typeof(string), optionsType })!.Invoke(null, new[] { json, options })).InnerException!;

        Assert.Equal("ContractJsonException", error.GetType().Name);
        Assert.Equal(pointer, PointerOf(error));
        Assert.Equal(quoted, error.Message.Contains("hunter2", StringComparison.Ordinal));
        Assert.Equal(quoted, error.ToString().Contains("hunter2", StringComparison.Ordinal));
    }

    private static object Probe(string method, params object[] arguments)
    {
        try
        {
            return s_probe.Value.GetMethod(method)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException!;
        }
    }

    private static string PointerOf(Exception error) => (string)error.GetType().GetProperty("Pointer")!.GetValue(error)!;

    /// <summary>The two texts with the byte 0xFF (never valid in UTF-8) between them.</summary>
    private static byte[] Bytes(string before, string after) => Encoding.UTF8.GetBytes(before).Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes(after)).ToArray();
}
