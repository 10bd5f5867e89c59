using System.Reflection;
using System.Text;
using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Contract;

/// <summary>
/// The published samples against the contract: the documented ones as WooshPay's page shows them
/// (their full error lists are snapshots, so drift in the docs or the contract is a reviewed diff),
/// and the canonical ones, which must be valid and survive a parse and write-back unchanged.
/// </summary>
public sealed class SamplePayloadTests
{
    public static TheoryData<string> Documented => Payloads("documented");

    public static TheoryData<string> Canonical => Payloads("canonical");

    [Theory]
    [MemberData(nameof(Documented))]
    public void Documented_sample_errors_match_the_reviewed_snapshot(string fileName)
    {
        var path = Path.Combine(RepoPaths.Payloads, "documented", fileName);
        var result = Validator(fileName).Validate(File.ReadAllText(path));

        var report = new StringBuilder();
        report.AppendLine($"{fileName} against {ContractSchemas.SchemaClassFor(fileName)}: {(result.IsValid ? "valid" : "invalid")}");
        foreach (var error in result.Errors)
        {
            report.AppendLine($"{(error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation)} | {error.Keyword} | {error.Message} | {error.KeywordLocation}");
        }

        SnapshotAssert.Match(report.ToString(), "documented." + fileName);
    }

    [Theory]
    [InlineData("payment_intent.create.web.request.json", "/금액", "additionalProperties")]
    [InlineData("payment_intent.create.web.request.json", "/통화", "additionalProperties")]
    [InlineData("payment_intent.create.app.request.json", "/금액", "additionalProperties")]
    [InlineData("payment_intent.create.web.response.json", "/금액", "pattern")]
    [InlineData("payment_intent.create.web.response.json", "/결제_방법_옵션", "pattern")]
    [InlineData("payment_intent.create.web.response.json", "/next_action/type", "enum")]
    [InlineData("checkout.session.create.request.json", "/취소_URL", "additionalProperties")]
    [InlineData("checkout.session.create.request.json", "/mode", "enum")]
    [InlineData("checkout.session.create.request.json", "/line_items/0/price_data/단위_금액", "additionalProperties")]
    [InlineData("checkout.session.create.request.json", "/line_items/0/수량", "additionalProperties")]
    [InlineData("checkout.session.create.request.json", "/line_items/0/price_data/billing_scheme", "enum")]
    [InlineData("checkout.session.create.response.json", "/객체", "pattern")]
    [InlineData("checkout.session.create.response.json", "/mode", "enum")]
    [InlineData("checkout.session.create.response.json", "/payment_status", "enum")]
    [InlineData("checkout.session.create.response.json", "/line_items/object", "const")]
    [InlineData("checkout.session.create.response.json", "/line_items/데이터", "pattern")]
    [InlineData("checkout.session.create.response.json", "/청구지_주소_수집", "pattern")]
    public void Each_translation_artifact_is_reported_at_its_pointer(string fileName, string pointer, string keyword)
    {
        var result = Validator(fileName).Validate(File.ReadAllText(Path.Combine(RepoPaths.Payloads, "documented", fileName)));

        Assert.Contains(result.Errors, e => e.InstanceLocation == pointer && e.Keyword == keyword);
    }

    [Theory]
    [InlineData("payment_intent.create.web.request.json", "amount")]
    [InlineData("payment_intent.create.web.request.json", "currency")]
    [InlineData("payment_intent.create.web.response.json", "amount")]
    [InlineData("checkout.session.create.response.json", "object")]
    [InlineData("checkout.session.create.response.json", "amount_total")]
    public void The_english_key_a_translation_replaced_is_reported_missing(string fileName, string property)
    {
        var result = Validator(fileName).Validate(File.ReadAllText(Path.Combine(RepoPaths.Payloads, "documented", fileName)));

        Assert.Contains(result.Errors, e => e.Keyword == "required" && e.InstanceLocation == string.Empty && e.Message.Contains($"\"{property}\""));
    }

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Canonical_sample_is_valid_parses_and_writes_back_the_same_json(string fileName)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", fileName));
        var result = Validator(fileName).Validate(json);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));

        var modelType = ModelTypeFor(fileName);
        var model = modelType.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { json })!;
        var written = (string)modelType.GetMethod("ToJson")!.Invoke(model, new object[] { false })!;

        using var original = JsonDocument.Parse(json);
        using var roundTripped = JsonDocument.Parse(written);
        Assert.True(JsonSemantics.AreEqual(original.RootElement, roundTripped.RootElement, out var difference), difference);

        SnapshotAssert.Match(ModelDump.Render(model), "canonical." + fileName);
    }

    private static GeneratedValidator Validator(string fileName)
        => new(ContractSchemas.Assembly, ContractSchemas.SchemaClassFor(fileName));

    private static Type ModelTypeFor(string fileName)
    {
        var schemaClass = ContractSchemas.SchemaClassFor(fileName);
        var modelName = schemaClass.Substring(0, schemaClass.Length - "Schema".Length);
        return ContractSchemas.Assembly.GetType(GeneratorHarness.DefaultNamespace + "." + modelName)
            ?? throw new InvalidOperationException($"No generated model {modelName}");
    }

    private static TheoryData<string> Payloads(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Payloads, folder), "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }
}
