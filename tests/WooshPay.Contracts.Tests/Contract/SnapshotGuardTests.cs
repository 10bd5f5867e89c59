using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Contract;

public sealed class SnapshotGuardTests
{
    [Fact]
    public void A_missing_snapshot_fails_in_ci_mode_and_is_not_written()
    {
        var name = "guard-probe-" + Guid.NewGuid().ToString("N");
        var path = Path.Combine(RepoPaths.TestsProject, "Contract", "__snapshots__", name + ".snap");

        var error = Assert.Throws<SnapshotMissingException>(() => SnapshotAssert.Match("anything", name, requireExisting: true));

        Assert.Contains(name, error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Every_generated_source_snapshot_belongs_to_a_current_source()
    {
        var expected = Values(Generator.GeneratedSourceTests.HintNames()).Select(name => "generated." + name + ".snap");

        AssertSnapshotFolderHolds("Generator", expected);
    }

    [Fact]
    public void Every_sample_snapshot_belongs_to_a_current_payload()
    {
        var expected = Values(SamplePayloadTests.Documented).Select(name => "documented." + name + ".snap")
            .Concat(Values(SamplePayloadTests.Canonical).Select(name => "canonical." + name + ".snap"));

        AssertSnapshotFolderHolds("Contract", expected);
    }

    private static IEnumerable<string> Values(TheoryData<string> data) => data.Cast<object[]>().Select(row => (string)row[0]);

    /// <summary>A snapshot whose source or payload is gone would otherwise stay behind, green and misleading.</summary>
    private static void AssertSnapshotFolderHolds(string testFolder, IEnumerable<string> expected)
    {
        var folder = Path.Combine(RepoPaths.TestsProject, testFolder, "__snapshots__");
        var present = Directory.EnumerateFiles(folder, "*.snap").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), present);
    }
}
