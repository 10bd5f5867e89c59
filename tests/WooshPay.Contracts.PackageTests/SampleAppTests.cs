using System.Text.Json;
using WooshPay.Contracts.PackageTests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.PackageTests;

/// <summary>
/// The README's main job, samples/ContractCheck, run as a user runs it: its report, its exit codes
/// (0 drift only, 1 a canonical payload broken, 2 a file it cannot check) and its JSON mode.
/// </summary>
public sealed class SampleAppTests : IClassFixture<SampleAppTests.BuiltContractCheck>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);
    private readonly BuiltContractCheck _app;

    public SampleAppTests(BuiltContractCheck app) => _app = app;

    [Fact]
    public void The_default_run_reports_every_payload_and_exits_0()
    {
        var run = _app.Run();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("PASS canonical/payment_intent.create.web.request.json (PaymentIntentCreateRequest)", run.Output);
        Assert.Contains("FAIL documented/payment_intent.create.web.request.json (PaymentIntentCreateRequest)", run.Output);
        Assert.Contains("/금액  Property \"금액\" is not a declared property", run.Output);
        Assert.Contains("/next_action/type  Value \"REDIRECT_TO_URL\" is not one of", run.Output);
        Assert.Contains("16 payloads, 11 valid, 5 invalid", run.Output);
    }

    [Fact]
    public void Json_mode_prints_one_parseable_document()
    {
        var run = _app.Run("--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void A_documented_folder_named_with_a_trailing_slash_is_still_drift()
    {
        var run = _app.Run(Path.Combine(_app.RepoRoot, "samples", "payloads", "documented") + Path.DirectorySeparatorChar);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void A_broken_canonical_payload_exits_1_and_an_unreadable_file_exits_2()
    {
        var folder = Directory.CreateTempSubdirectory("contractcheck-").FullName;
        try
        {
            var canonical = Directory.CreateDirectory(Path.Combine(folder, "canonical")).FullName;
            var request = File.ReadAllText(Path.Combine(_app.RepoRoot, "samples", "payloads", "canonical", "refund.create.request.json"));
            File.WriteAllText(Path.Combine(canonical, "refund.create.request.json"), request.Replace("\"amount\": 10", "\"amount\": 0"));
            Assert.Contains("\"amount\": 0", File.ReadAllText(Path.Combine(canonical, "refund.create.request.json")));

            var broken = _app.Run(folder);
            Assert.True(broken.ExitCode == 1, broken.ToString());
            Assert.Contains("/amount", broken.Output);

            File.WriteAllText(Path.Combine(canonical, "refund.create.response.json"), "{ \"id\": ");
            var unreadable = _app.Run(folder);
            Assert.True(unreadable.ExitCode == 2, unreadable.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>ContractCheck built once into a temporary folder (never the repository's bin/obj).</summary>
    public sealed class BuiltContractCheck : IDisposable
    {
        private readonly string _artifacts = Directory.CreateTempSubdirectory("contractcheck-build-").FullName;
        private readonly string _dll;

        public BuiltContractCheck()
        {
            RepoRoot = PackedPackages.FindRepoRoot();
            var build = ProcessRunner.DotNetCommand(RepoRoot, s_timeout, null,
                "build", Path.Combine(RepoRoot, "samples", "ContractCheck", "ContractCheck.csproj"), "-c", "Release", "--artifacts-path", _artifacts);
            Assert.True(build.ExitCode == 0, build.ToString());
            _dll = Directory.EnumerateFiles(_artifacts, "ContractCheck.dll", SearchOption.AllDirectories).Single(p => p.Contains("bin"));
        }

        public string RepoRoot { get; }

        /// <summary>Runs the built app from the repository root; only the .NET 10 runtime may be installed, hence roll-forward.</summary>
        public ProcessResult Run(params string[] arguments)
            => ProcessRunner.DotNetCommand(RepoRoot, s_timeout, new Dictionary<string, string?> { ["DOTNET_ROLL_FORWARD"] = "Major" },
                [_dll, .. arguments]);

        public void Dispose() => Directory.Delete(_artifacts, recursive: true);
    }
}
