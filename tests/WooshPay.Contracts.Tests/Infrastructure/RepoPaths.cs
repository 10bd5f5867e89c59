namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>Where the repository's folders are, found from the test assembly by walking up to Toolkit.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Payloads => Path.Combine(Root, "samples", "payloads");

    /// <summary>The official JSON-Schema-Test-Suite, which sits beside the repository (../shared).</summary>
    public static string TestSuite => Path.GetFullPath(Path.Combine(Root, "..", "shared", "json-schema-test-suite"));

    /// <summary>The folder of the calling test source file, for files kept next to the tests.</summary>
    public static string TestsProject => Path.Combine(Root, "tests", "WooshPay.Contracts.Tests");

    private static string FindRoot()
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
