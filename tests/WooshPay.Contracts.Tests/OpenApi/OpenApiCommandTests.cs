extern alias tool;
using tool::WooshPay.Contracts.Tool.Commands;
using tool::WooshPay.Contracts.Tool.OpenApi;
using Xunit;

namespace WooshPay.Contracts.Tests.OpenApi;

/// <summary><c>wooshpay-contracts openapi export</c>: what it writes and its exit codes.</summary>
public sealed class OpenApiCommandTests
{
    [Theory]
    [InlineData("3.1", OpenApiVersion.V31)]
    [InlineData("3.0", OpenApiVersion.V30)]
    public void Export_writes_the_requested_version_to_the_output_file_and_exits_clean(string flag, OpenApiVersion version)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wooshpay-openapi-{Guid.NewGuid():N}.json");
        try
        {
            var exitCode = OpenApiCommand.Run(new[] { "export", "--version", flag, "-o", path });

            Assert.Equal(0, exitCode);
            Assert.Equal(OpenApiExporter.Export(version).Json, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("import")]
    [InlineData("export --version 2.0")]
    [InlineData("export -o")]
    [InlineData("export --bogus")]
    public void A_usage_error_exits_with_2(string commandLine)
    {
        Assert.Equal(2, OpenApiCommand.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void An_unwritable_output_is_an_input_error_not_a_crash()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing-folder", "out.json");

        Assert.Equal(2, OpenApiCommand.Run(new[] { "export", "-o", path }));
    }
}
