using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace WooshPay.Contracts.Tests.Contract;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        foreach (var d in ContractSchemas.Output.GeneratorDiagnostics) output.WriteLine(d.ToString());
        foreach (var d in ContractSchemas.Output.CompilationDiagnostics.Take(30)) output.WriteLine(d.ToString());
        foreach (var s in ContractSchemas.Output.Sources) output.WriteLine(s.HintName);
        var asm = ContractSchemas.Assembly;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Payloads, "documented")).Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Payloads, "canonical"))))
        {
            if (!file.EndsWith(".json")) continue;
            var v = new GeneratedValidator(asm, ContractSchemas.SchemaClassFor(file));
            var r = v.Validate(File.ReadAllText(file));
            output.WriteLine($"== {file}: {r.IsValid}");
            foreach (var e in r.Errors) output.WriteLine("   " + e);
        }
    }
}
