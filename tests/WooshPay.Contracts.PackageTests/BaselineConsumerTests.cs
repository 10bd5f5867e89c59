using System.Text.RegularExpressions;
using WooshPay.Contracts.PackageTests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.PackageTests;

/// <summary>
/// <c>WooshPayContractsBaseline</c> in a real <c>dotnet build</c> of a consumer of the packed generator: the baseline
/// folder's schemas are compared with the project's, each breaking change fails the build with WPC100 at the changed
/// schema, and the baseline is not generated from (no second set of types).
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class BaselineConsumerTests(PackedPackages packages)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void Breaking_changes_against_the_baseline_fail_the_build_at_the_changed_schema()
    {
        var dir = packages.NewFolder("consumer-baseline");
        var versions = Path.Combine(packages.RepoRoot, "tests", "WooshPay.Contracts.Tests", "Evolution", "Versions");
        var baseline = Directory.CreateDirectory(Path.Combine(dir, "contract-baseline")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(versions, "v3"), "*.schema.json"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(versions, "v2"), "*.schema.json"))
        {
            File.Copy(file, Path.Combine(baseline, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <WooshPayContractsBaseline>contract-baseline</WooshPayContractsBaseline>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedPackages.GeneratorPackageId}" Version="{packages.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        var build = ProcessRunner.DotNetCommand(dir, s_timeout, packages.ChildEnvironment(),
            "build", Path.Combine(dir, "Consumer.csproj"), "-c", "Release", "--disable-build-servers", "-tl:off");

        Assert.True(build.ExitCode != 0, "The build with breaking changes succeeded." + Environment.NewLine + build);
        var returnUrl = Regex.Match(build.Output, @"payment_intent\.create\.request\.schema\.json\((?<at>\d+,\d+)\): error WPC100: .*return_url");
        Assert.True(returnUrl.Success, "No WPC100 for return_url." + Environment.NewLine + build);
        Assert.Equal("21,23", returnUrl.Groups["at"].Value);
        Assert.Matches(@"payment_intent\.schema\.json\(9,15\): warning WPC101: ", build.Output);
        Assert.DoesNotContain("error CS", build.Output); // the baseline produced no duplicate types
    }
}
