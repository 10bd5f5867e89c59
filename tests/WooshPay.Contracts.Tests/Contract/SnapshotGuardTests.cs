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
}
