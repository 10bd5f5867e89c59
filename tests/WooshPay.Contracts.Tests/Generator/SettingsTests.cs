using System.Reflection;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>The MSBuild settings change what the generated code does, as the README says.</summary>
public sealed class SettingsTests
{
    private static readonly string s_request = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.app.request.json"));

    [Fact]
    public void Format_assertion_can_be_switched_off_at_build_time_and_back_on_per_call()
    {
        var assembly = Build(new() { ["WooshPayContractsAssertFormats"] = "false" });
        var validator = new GeneratedValidator(assembly, "PaymentIntentCreateRequestSchema");
        var badIp = s_request.Replace("\"192.168.0.1\"", "\"999.1.1.1\"");

        Assert.True(validator.Validate(badIp).IsValid);
        Assert.Contains(validator.Validate(badIp, assertFormats: true).Errors, e => e.Keyword == "format" && e.InstanceLocation == "/payment_method_options/alipay/client_ip");
    }

    [Fact]
    public void Strict_parsing_rejects_unknown_enum_values_and_unknown_members_of_closed_objects_with_a_pointer()
    {
        var strict = Build(new() { ["WooshPayContractsStrict"] = "true" });
        var unknownEnum = s_request.Replace("\"APP\"", "\"MINI_PROGRAM\"");
        var unknownMember = s_request.Replace("\"confirm\": true", "\"confirm\": true, \"payemen_method_options\": {}");
        Assert.NotEqual(s_request, unknownEnum);
        Assert.NotEqual(s_request, unknownMember);

        Assert.Equal("/payment_method_options/alipay/terminal_type", ParseFailure(strict, "PaymentIntentCreateRequest", unknownEnum));
        Assert.Equal("/payemen_method_options", ParseFailure(strict, "PaymentIntentCreateRequest", unknownMember));
    }

    [Fact]
    public void Lenient_parsing_keeps_unknown_enum_values_and_members()
    {
        var lenient = ContractSchemas.Assembly;
        var json = s_request.Replace("\"APP\"", "\"MINI_PROGRAM\"").Replace("\"confirm\": true", "\"confirm\": true, \"3ds_status\": \"unsupported\"");

        var model = Parse(lenient, "PaymentIntentCreateRequest", json);
        var written = (string)model.GetType().GetMethod("ToJson")!.Invoke(model, new object[] { false })!;

        Assert.Contains("\"terminal_type\":\"MINI_PROGRAM\"", written);
        Assert.Contains("\"3ds_status\":\"unsupported\"", written);
    }

    private static Assembly Build(Dictionary<string, string> settings)
    {
        var output = GeneratorHarness.Run(ContractSchemas.Inputs(), settings);
        Assert.Empty(output.GeneratorDiagnostics);
        return GeneratorHarness.Load(output.Compilation);
    }

    private static object Parse(Assembly assembly, string type, string json)
        => assembly.GetType(GeneratorHarness.DefaultNamespace + "." + type)!.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { json })!;

    /// <summary>The JSON Pointer of the ContractJsonException that Parse throws.</summary>
    private static string ParseFailure(Assembly assembly, string type, string json)
    {
        var error = Assert.Throws<TargetInvocationException>(() => Parse(assembly, type, json)).InnerException!;
        Assert.Equal("ContractJsonException", error.GetType().Name);
        return (string)error.GetType().GetProperty("Pointer")!.GetValue(error)!;
    }
}
