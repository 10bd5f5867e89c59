using WooshPay.Contracts.PackageTests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.PackageTests;

/// <summary>
/// The command-line tool as the README installs it: packed, installed with <c>dotnet tool install --tool-path</c> from
/// the local feed, and run (its bundled contract answers for a published sample).
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ToolPackageTests(PackedPackages packages)
{
    private const string ToolPackageId = "WooshPay.Contracts.Tool";
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_tool_installs_from_the_feed_and_validates_with_its_bundled_schemas()
    {
        var feed = packages.NewFolder("tool-feed");
        var pack = ProcessRunner.DotNetCommand(packages.RepoRoot, s_timeout, packages.ChildEnvironment(),
            "pack", Path.Combine(packages.RepoRoot, "cli", "WooshPay.Contracts.Tool.csproj"), "-c", "Release", "-o", feed,
            "--artifacts-path", Path.Combine(packages.RunFolder, "tool-artifacts"), "--disable-build-servers", "-tl:off",
            "-p:ToolkitVersion=" + packages.Version);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        var toolPath = packages.NewFolder("tool");
        var install = ProcessRunner.DotNetCommand(packages.RunFolder, s_timeout, packages.ChildEnvironment(),
            "tool", "install", "--tool-path", toolPath, "--add-source", feed, ToolPackageId, "--version", packages.Version);
        Assert.True(install.ExitCode == 0, install.ToString());

        var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "wooshpay-contracts.exe" : "wooshpay-contracts");
        var payload = Path.Combine(packages.RepoRoot, "samples", "payloads", "documented", "payment_intent.create.web.request.json");
        var run = ProcessRunner.Command(tool, packages.RunFolder, s_timeout, packages.ChildEnvironment(), "validate", "PaymentIntentCreateRequest", payload);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("/금액", run.Output);
    }
}
