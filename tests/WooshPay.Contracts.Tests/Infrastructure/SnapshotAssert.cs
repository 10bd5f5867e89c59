using System.Runtime.CompilerServices;
using Snapshooter;
using Snapshooter.Xunit;

namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>
/// The one place tests touch the snapshot library (Snapshooter today; a move to Verify changes
/// only this file). Snapshooter writes a missing snapshot and passes; here a missing snapshot
/// fails when CI=true, so nothing unreviewed can land green.
/// </summary>
public static class SnapshotAssert
{
    /// <summary>True on CI (the CI environment variable is "true"), where snapshots must already exist.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Matches <paramref name="value"/> against the snapshot named <paramref name="name"/> beside the calling test file.</summary>
    public static void Match(object value, string name, [CallerFilePath] string callerFile = "")
        => Match(value, name, IsCi, callerFile);

    /// <summary>As <see cref="Match(object, string, string)"/>, with CI mode given explicitly (used to test the guard itself).</summary>
    public static void Match(object value, string name, bool requireExisting, [CallerFilePath] string callerFile = "")
    {
        // Snapshooter keeps snapshots in "__snapshots__" under the folder it is given.
        var testFolder = Path.GetDirectoryName(callerFile)!;
        var fileName = name + ".snap";
        var path = Path.Combine(testFolder, "__snapshots__", fileName);
        if (requireExisting && !File.Exists(path))
        {
            throw new SnapshotMissingException(
                $"Snapshot '{path}' does not exist. Run the tests locally (without CI=true), review the new snapshot and commit it.");
        }

        Snapshot.Match(value, new SnapshotFullName(fileName, testFolder));
    }
}

/// <summary>Thrown when a snapshot is missing on CI.</summary>
public sealed class SnapshotMissingException(string message) : Exception(message);
