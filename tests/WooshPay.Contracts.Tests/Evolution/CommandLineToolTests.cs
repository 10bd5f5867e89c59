using System.Text.Json.Nodes;
using System.Diagnostics;
using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Evolution;

/// <summary>The wooshpay-contracts commands, run as the built tool: output, JSON shape and exit codes.</summary>
public sealed class CommandLineToolTests
{
    private static readonly string s_seedPage = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "docs", "000_b03b7134f0bc486e.txt"));
    private static readonly string s_brokenPage = Path.Combine(RepoPaths.TestsProject, "Evolution", "Documents", "broken-samples.md");

    [Fact]
    public void Check_docs_reports_the_translated_keys_and_values_of_the_seed_page()
    {
        var (exit, output, _) = Run("check-docs", s_seedPage);
        Assert.Equal(1, exit);
        SnapshotAssert.Match(output.Replace(s_seedPage, "000_b03b7134f0bc486e.txt"), "check-docs.seed-page");
        Assert.Contains("line 114:5 /금액: '금액' is not a property of the contract here (did you mean one of the missing required properties: amount, currency?)", output);
        Assert.Contains("/mode: Value \"결제\" is not one of \"payment\", \"setup\".", output);
        Assert.Contains("(did you mean payment_method_options.alipay.terminal_type?)", output);
    }

    [Fact]
    public void Check_docs_reports_blocks_that_are_not_json_with_line_and_column_and_suggests_near_misses()
    {
        var (exit, output, _) = Run("check-docs", s_brokenPage, "--format", "json");
        Assert.Equal(1, exit);
        var blocks = JsonDocument.Parse(output).RootElement[0].GetProperty("blocks");
        Assert.Equal(3, blocks.GetArrayLength());
        var trailingComma = blocks[0].GetProperty("findings")[0];
        Assert.False(blocks[0].GetProperty("validJson").GetBoolean());
        Assert.Equal((10, 1), (trailingComma.GetProperty("line").GetInt32(), trailingComma.GetProperty("column").GetInt32()));
        Assert.Equal(17, blocks[1].GetProperty("findings")[0].GetProperty("line").GetInt32()); // the // comment
        var nearMiss = blocks[2].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("keyword").GetString() == "unknown-property");
        Assert.Equal("/payemen_method_options", nearMiss.GetProperty("pointer").GetString());
        Assert.Equal("payment_method_options", nearMiss.GetProperty("didYouMean").GetString());
        Assert.Equal("PaymentIntentCreateRequest", blocks[2].GetProperty("schema").GetString());
    }

    [Fact]
    public void Check_docs_schema_option_overrides_the_choice_for_every_block()
    {
        var (exit, output, _) = Run("check-docs", s_seedPage, "--schema", "CheckoutSessionCreateRequest", "--format", "json");
        Assert.Equal(1, exit);
        var blocks = JsonDocument.Parse(output).RootElement[0].GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(6, blocks.Count);
        Assert.All(blocks, b => Assert.Equal(("CheckoutSessionCreateRequest", "--schema"), (b.GetProperty("schema").GetString(), b.GetProperty("reason").GetString())));
    }

    [Fact]
    public void Diff_exits_1_on_breaking_changes_0_without_and_lists_every_change_in_json()
    {
        var versions = EvolutionFixtures.VersionsFolder;
        var (additive, _, _) = Run("diff", Path.Combine(versions, "v1"), Path.Combine(versions, "v2"));
        Assert.Equal(0, additive);
        var (breaking, json, _) = Run("diff", Path.Combine(versions, "v2"), Path.Combine(versions, "v3"), "--format", "json");
        Assert.Equal(1, breaking);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(EvolutionFixtures.Diff("v2", "v3").Count, root.GetProperty("changes").GetArrayLength());
        var first = root.GetProperty("changes")[0];
        Assert.Equal("breaking", first.GetProperty("severity").GetString());
        Assert.True(first.GetProperty("new").GetProperty("line").GetInt32() > 0);
    }

    [Fact]
    public void Validate_accepts_a_bundled_title_and_writes_the_basic_output_shape()
    {
        var canonical = Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json");
        var documented = Path.Combine(RepoPaths.Payloads, "documented", "payment_intent.create.web.response.json");
        Assert.Equal(0, Run("validate", "PaymentIntent", canonical).Exit);
        var (exit, json, _) = Run("validate", "PaymentIntent", documented, "--format", "json");
        Assert.Equal(1, exit);
        var result = JsonDocument.Parse(json).RootElement[0].GetProperty("result");
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Contains(result.GetProperty("errors").EnumerateArray(), e => e.GetProperty("instanceLocation").GetString() == "/통화");
    }

    [Fact]
    public void Validate_withholds_a_sensitive_value_in_both_report_formats()
    {
        // client_secret is "x-sensitive": the tool builds its validator graph itself, so it must carry the flag too.
        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Payloads, "canonical", "payment_intent.create.web.response.json")))!;
        payload["client_secret"] = "leaked_secret_value_42";
        var path = Path.Combine(Path.GetTempPath(), $"wooshpay-sensitive-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, payload.ToJsonString());
        try
        {
            foreach (var format in new[] { "text", "json" })
            {
                var (exit, output, error) = Run("validate", "PaymentIntent", path, "--format", format);
                Assert.Equal(1, exit);
                Assert.Contains("/client_secret", output);
                Assert.DoesNotContain("leaked_secret_value_42", output + error);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("validate", "NoSuchSchema", "x.json")]
    [InlineData("diff", "only-one")]
    [InlineData("diff", "/no/such/old", "/no/such/new")]
    [InlineData("check-docs", "/no/such/page.md")]
    [InlineData("check-docs", "page.md", "--format", "yaml")]
    [InlineData("no-such-command")]
    public void Usage_and_input_errors_exit_2_with_a_message(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("wooshpay-contracts", error);
    }

    [Fact]
    public void A_schema_with_errors_is_an_input_error_that_says_where()
    {
        var folder = Directory.CreateTempSubdirectory("wpc-diff-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "bad.schema.json"), "{\n  \"type\": \"object\",\n  \"minLength\": -1\n}");
            var (exit, _, error) = Run("diff", folder.FullName, folder.FullName);
            Assert.Equal(2, exit);
            Assert.Contains("bad.schema.json(3,16): error WPC006", error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the tool did not finish within a minute");
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>The tool as built with the tests (same configuration): the test project builds it first.</summary>
    private static string ToolPath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
            var path = Path.Combine(RepoPaths.Root, "cli", "bin", configuration, "net10.0", "wooshpay-contracts.dll");
            Assert.True(File.Exists(path), "build the tool first: " + path);
            return path;
        }
    }
}
