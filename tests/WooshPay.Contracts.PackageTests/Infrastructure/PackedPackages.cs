using System.IO.Compression;
using System.Xml.Linq;
using Xunit;

namespace WooshPay.Contracts.PackageTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}

/// <summary>
/// Packs WooshPay.Contracts and WooshPay.Contracts.Schemas once per test run into a fresh local feed.
/// <para>
/// Staleness: each run packs a unique version ($(ToolkitVersion)-pkgtest.t{time}p{pid}), so neither a
/// NuGet cache nor an earlier run can hand a consumer an old package. Restores use a NuGet packages
/// folder dedicated to these tests (NUGET_PACKAGES), kept between runs only so that the .NET 8
/// targeting packs are not downloaded again; the run's own package versions are removed from it
/// afterwards. Builds go to their own artifacts folder, never to the repository's bin/obj.
/// </para>
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public const string GeneratorPackageId = "WooshPay.Contracts";
    public const string SchemasPackageId = "WooshPay.Contracts.Schemas";

    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(5);

    public PackedPackages()
    {
        RepoRoot = FindRepoRoot();
        BaseVersion = ReadToolkitVersion(RepoRoot);
        var stamp = $"t{DateTime.UtcNow:yyyyMMddHHmmss}p{Environment.ProcessId}";
        Version = $"{BaseVersion}-pkgtest.{stamp}";

        var workRoot = Path.Combine(Path.GetTempPath(), "wooshpay-contracts-package-tests");
        NuGetPackagesFolder = Path.Combine(workRoot, "nuget-packages");
        RunFolder = Path.Combine(workRoot, "run-" + stamp);
        FeedFolder = Path.Combine(RunFolder, "feed");
        Directory.CreateDirectory(NuGetPackagesFolder);
        Directory.CreateDirectory(FeedFolder);
        PruneLeftovers(workRoot);

        // Adds the local feed to the machine's sources (no <clear/>), for every consumer under RunFolder.
        File.WriteAllText(Path.Combine(RunFolder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="wooshpay-package-tests" value="{FeedFolder}" />
              </packageSources>
            </configuration>
            """);

        var artifacts = Path.Combine(RunFolder, "artifacts");
        foreach (var project in new[] { "generator/WooshPay.Contracts.Generator.csproj", "schemas/WooshPay.Contracts.Schemas.csproj" })
        {
            var result = ProcessRunner.DotNetCommand(RepoRoot, s_packTimeout, ChildEnvironment(),
                "pack", Path.Combine(RepoRoot, project), "-c", "Release", "-o", FeedFolder,
                "--artifacts-path", artifacts, "--disable-build-servers", "-tl:off",
                "-p:ToolkitVersion=" + Version);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("Packing failed." + Environment.NewLine + result);
            }
        }

        GeneratorPackage = Path.Combine(FeedFolder, $"{GeneratorPackageId}.{Version}.nupkg");
        SchemasPackage = Path.Combine(FeedFolder, $"{SchemasPackageId}.{Version}.nupkg");
    }

    public string RepoRoot { get; }

    /// <summary>$(ToolkitVersion) as Directory.Build.props sets it.</summary>
    public string BaseVersion { get; }

    /// <summary>The unique version of this run's packages.</summary>
    public string Version { get; }

    /// <summary>This run's folder: the feed, build artifacts, consumers and their nuget.config.</summary>
    public string RunFolder { get; }

    public string FeedFolder { get; }

    public string NuGetPackagesFolder { get; }

    public string GeneratorPackage { get; }

    public string SchemasPackage { get; }

    /// <summary>Environment of every child process: the dedicated NuGet packages folder.</summary>
    public IReadOnlyDictionary<string, string?> ChildEnvironment(params (string Name, string Value)[] extra)
    {
        var variables = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = NuGetPackagesFolder };
        foreach (var (name, value) in extra)
        {
            variables[name] = value;
        }

        return variables;
    }

    /// <summary>A fresh, empty folder under this run's folder.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(RunFolder, name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Extracts a package once and returns its folder.</summary>
    public string Extract(string package)
    {
        var folder = Path.Combine(RunFolder, "extracted", Path.GetFileNameWithoutExtension(package));
        if (!Directory.Exists(folder))
        {
            ZipFile.ExtractToDirectory(package, folder);
        }

        return folder;
    }

    public void Dispose()
    {
        // The run's unique versions are of no use to a later run; the run folder is kept on request.
        foreach (var id in new[] { GeneratorPackageId, SchemasPackageId })
        {
            TryDelete(Path.Combine(NuGetPackagesFolder, id.ToLowerInvariant(), Version.ToLowerInvariant()));
        }

        if (Environment.GetEnvironmentVariable("WOOSHPAY_KEEP_PACKAGE_TEST_FILES") != "1")
        {
            TryDelete(RunFolder);
        }
    }

    private static void PruneLeftovers(string workRoot)
    {
        // Runs that crashed or were kept on request: anything older than a day goes.
        var cutoff = DateTime.UtcNow.AddDays(-1);
        var stale = Directory.EnumerateDirectories(workRoot, "run-*")
            .Concat(new[] { GeneratorPackageId, SchemasPackageId }
                .Select(id => Path.Combine(workRoot, "nuget-packages", id.ToLowerInvariant()))
                .Where(Directory.Exists)
                .SelectMany(Directory.EnumerateDirectories))
            .Where(dir => Directory.GetLastWriteTimeUtc(dir) < cutoff);
        foreach (var dir in stale.ToList())
        {
            TryDelete(dir);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a later run prunes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string ReadToolkitVersion(string repoRoot)
    {
        var props = XDocument.Load(Path.Combine(repoRoot, "Directory.Build.props"));
        return props.Descendants("ToolkitVersion").Single().Value.Trim();
    }

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Toolkit.sln was not found above " + AppContext.BaseDirectory);
    }
}
