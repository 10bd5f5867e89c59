using System.Diagnostics;
using System.Text;

namespace WooshPay.Contracts.PackageTests.Infrastructure;

/// <summary>The outcome of one child process: its command line, exit code and interleaved output.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output)
{
    /// <summary>Command, folder, exit code and full output, for assertion messages.</summary>
    public override string ToString()
        => $"> {CommandLine}{Environment.NewLine}  (in {WorkingDirectory}, exit code {ExitCode}){Environment.NewLine}{Output}";
}

/// <summary>Runs <c>dotnet</c> commands with a timeout, a clean MSBuild environment and captured output.</summary>
public static class ProcessRunner
{
    // Set by the `dotnet test` host for its own MSBuild; a child `dotnet build` must find its SDK itself.
    private static readonly string[] s_inheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSBUILDTLENABLED",
    ];

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotNet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static ProcessResult DotNetCommand(
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment,
        params string[] arguments)
        => Command(DotNet, workingDirectory, timeout, environment, arguments);

    /// <summary>Runs <paramref name="executable"/> (such as an installed .NET tool) as <see cref="DotNetCommand"/> runs dotnet.</summary>
    public static ProcessResult Command(
        string executable,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in s_inheritedVariablesToDrop)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var commandLine = (executable == DotNet ? "dotnet" : executable) + " " + string.Join(" ", arguments.Select(a => a.Contains(' ') ? "\"" + a + "\"" : a));
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            process.WaitForExit(TimeSpan.FromSeconds(30));
            lock (output)
            {
                return new ProcessResult(commandLine, workingDirectory, -1, $"TIMED OUT after {timeout}.{Environment.NewLine}{output}");
            }
        }

        process.WaitForExit(); // drains the asynchronous output readers
        lock (output)
        {
            return new ProcessResult(commandLine, workingDirectory, process.ExitCode, output.ToString());
        }

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
