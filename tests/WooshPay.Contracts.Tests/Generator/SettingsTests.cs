using System.Reflection;
using Microsoft.CodeAnalysis;
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

    [Theory]
    [InlineData("WooshPayContractsNamespace", "My-Company.class", "a C# namespace")]
    [InlineData("WooshPayContractsAccessibility", "protected", "public or internal")]
    [InlineData("WooshPayContractsStrict", "yes", "true or false")]
    [InlineData("WooshPayContractsAssertFormats", "on", "true or false")]
    public void An_unknown_project_setting_is_one_error_naming_it_and_nothing_is_generated(string setting, string value, string allowed)
    {
        var output = GeneratorHarness.Run(ContractSchemas.Inputs(), new Dictionary<string, string> { [setting] = value });

        AssertOnlyInvalidSetting(output, setting, value, allowed);
    }

    [Theory]
    [InlineData("GenerateModels", "no", "true or false")]
    [InlineData("TypeName", "--", "a type name")]
    [InlineData("SchemaUri", "relative/a.schema.json", "an absolute URI")]
    [InlineData("SchemaUri", "https://schemas.example.com/a.schema.json#x", "an absolute URI")]
    public void An_unknown_file_setting_is_one_error_naming_it_and_nothing_is_generated(string metadata, string value, string allowed)
    {
        var inputs = ContractSchemas.Inputs().ToList();
        inputs[0] = inputs[0] with { Metadata = new Dictionary<string, string>(inputs[0].Metadata ?? new Dictionary<string, string>()) { [metadata] = value } };

        var output = GeneratorHarness.Run(inputs);

        var diagnostic = AssertOnlyInvalidSetting(output, metadata, value, allowed);
        Assert.Equal(inputs[0].Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(Path.GetFileName(inputs[0].Path), diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("WooshPayContractsAccessibility", "Internal")]
    [InlineData("WooshPayContractsStrict", " TRUE ")]
    [InlineData("WooshPayContractsAssertFormats", "")]
    public void Known_setting_values_are_read_without_regard_to_case_or_spaces(string setting, string value)
    {
        var output = GeneratorHarness.Run(ContractSchemas.Inputs(), new Dictionary<string, string> { [setting] = value });

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.NotEmpty(output.Sources);
    }

    /// <summary>The run reported exactly one WPC012 for the setting, generated nothing, and the project still compiles.</summary>
    private static Diagnostic AssertOnlyInvalidSetting(GeneratorOutput output, string setting, string value, string allowed)
    {
        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("WPC012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage();
        Assert.Contains("'" + setting + "'", message);
        Assert.Contains(allowed, message);
        Assert.Contains(value, message);
        Assert.Empty(output.Sources);
        Assert.Empty(output.CompilationDiagnostics);
        return diagnostic;
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
