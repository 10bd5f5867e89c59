using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Documentation;

/// <summary>The README's example of the generated API compiles against what the repository's schemas generate.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_generated_api_example_compiles_without_warnings()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme.Substring(readme.IndexOf("## The generated API", StringComparison.Ordinal));
        var example = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("PaymentIntentCreateRequest", example);

        var program = "using System;\nusing System.IO;\n" + example;
        var output = GeneratorHarness.Run(ContractSchemas.Inputs(), compilation: GeneratorHarness.CreateCompilation(program, OutputKind.ConsoleApplication));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.True(output.CompilationDiagnostics.IsEmpty, string.Join(Environment.NewLine, output.CompilationDiagnostics));

        // Pasted into a new app it runs as is: no file it reads, no exception, and the response parses and validates.
        Assert.DoesNotContain("File.", example);
        var printed = Run(GeneratorHarness.Load(output.Compilation));
        Assert.Contains("True: https://open-sea.alipayplus.com/", printed);
    }

    private static readonly object s_console = new();

    private static string Run(System.Reflection.Assembly program)
    {
        lock (s_console)
        {
            var original = Console.Out;
            using var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                program.EntryPoint!.Invoke(null, new object[] { Array.Empty<string>() });
            }
            finally
            {
                Console.SetOut(original);
            }

            return captured.ToString();
        }
    }
}
