using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using WooshPay.Contracts.Runtime;
using WooshPay.Contracts.Tests.Hostile;

namespace WooshPay.Contracts.Benchmarks;

/// <summary>The worst cases of the hostile-input corpus at the sizes of the issue that found them.</summary>
public enum HostileCase
{
    /// <summary>PaymentIntent response, payment_method_types with 1,000,000 distinct unknown values (10 MB).</summary>
    UnknownTypes1M,

    /// <summary>The same array in a create request (items enum and uniqueItems, minItems).</summary>
    UnknownTypes1MRequest,

    /// <summary>Create request, payment_method_types with 50,000 distinct one-item arrays, under uniqueItems.</summary>
    OneItemArrays50k,

    /// <summary>Create request with a 100 MB description (a plain string: valid).</summary>
    Description100MB,

    /// <summary>Create request with a 100 MB currency (enum and pattern: invalid).</summary>
    Currency100MB,

    /// <summary>Create request whose 100 MB description ends in a byte that is not UTF-8.</summary>
    InvalidUtf8At100MB,

    /// <summary>Create request whose metadata has 100,000 distinct keys (valid).</summary>
    MetadataKeys100k,

    /// <summary>PatternProbe: 1,000 values of 34 'a's and '!' against ^(a+)+$.</summary>
    PatternValues1000,

    /// <summary>Create request whose metadata nests 100,000 arrays (past MaxDepth).</summary>
    Nesting100k,
}

/// <summary>
/// Time and allocation of the generated validators on the worst hostile payloads (BenchmarkDotNet), and, with
/// <c>--hostile-peak</c>, the peak resident memory of one validation in a process of its own (<see cref="HostilePeak"/>).
/// </summary>
[MemoryDiagnoser]
public class HostileInputBenchmarks
{
    private static readonly ValidationOptions s_collect = new() { AssertFormats = true };
    private static readonly ValidationOptions s_stopAtFirst = new() { AssertFormats = true, StopAtFirstError = true };

    private byte[] _payload = Array.Empty<byte>();
    private Func<byte[], ValidationOptions, ValidationResult> _validate = null!;

    [Params(HostileCase.UnknownTypes1M, HostileCase.UnknownTypes1MRequest, HostileCase.OneItemArrays50k, HostileCase.Description100MB,
        HostileCase.Currency100MB, HostileCase.InvalidUtf8At100MB, HostileCase.MetadataKeys100k, HostileCase.PatternValues1000, HostileCase.Nesting100k)]
    public HostileCase Case { get; set; }

    [GlobalSetup]
    public void Setup() => (_payload, _validate) = (Payload(Case), Validator(Case));

    /// <summary>Every error (up to MaxErrors, 100).</summary>
    [Benchmark(Baseline = true)]
    public int CollectAll() => _validate(_payload, s_collect).Errors.Count;

    /// <summary>Only the verdict.</summary>
    [Benchmark]
    public bool StopAtFirstError() => _validate(_payload, s_stopAtFirst).IsValid;

    /// <summary>The generated validator (UTF-8 overload) that <paramref name="hostile"/> goes to.</summary>
    public static Func<byte[], ValidationOptions, ValidationResult> Validator(HostileCase hostile) => hostile switch
    {
        HostileCase.UnknownTypes1M => (p, o) => PaymentIntentSchema.Validate(p, o),
        HostileCase.PatternValues1000 => (p, o) => PatternProbeSchema.Validate(p, o),
        _ => (p, o) => PaymentIntentCreateRequestSchema.Validate(p, o),
    };

    /// <summary>The payload of <paramref name="hostile"/>, built from a canonical sample by the corpus's generators.</summary>
    public static byte[] Payload(HostileCase hostile)
    {
        var request = Inputs.Payload("canonical/payment_intent.create.web.request.json");
        const int Megabytes100 = 100_000_000;
        return hostile switch
        {
            HostileCase.UnknownTypes1M => HostilePayloads.DistinctUnknownPaymentMethodTypes(Inputs.Payload("canonical/payment_intent.create.web.response.json"), 1_000_000),
            HostileCase.UnknownTypes1MRequest => HostilePayloads.DistinctUnknownPaymentMethodTypes(request, 1_000_000),
            HostileCase.OneItemArrays50k => HostilePayloads.DistinctOneItemArrays(request, 50_000),
            HostileCase.Description100MB => HostilePayloads.Generators["long-description"](request, Megabytes100),
            HostileCase.Currency100MB => HostilePayloads.Generators["long-currency"](request, Megabytes100),
            HostileCase.InvalidUtf8At100MB => HostilePayloads.InvalidUtf8AtTheEnd(request, Megabytes100),
            HostileCase.MetadataKeys100k => HostilePayloads.ManyMetadataKeys(request, 100_000),
            HostileCase.PatternValues1000 => HostilePayloads.PatternHostileValues(request, 1_000),
            HostileCase.Nesting100k => HostilePayloads.NestedMetadata(request, 100_000),
            _ => throw new ArgumentOutOfRangeException(nameof(hostile)),
        };
    }
}

/// <summary>
/// Peak memory of one validation, measured honestly: the payload is written to a file, and a fresh process reads it
/// (one array of the input's size), resets the kernel's high-water mark of resident memory (/proc/self/clear_refs),
/// validates once and reads the mark back (VmHWM). "Beyond input" is that peak less the resident memory just before
/// validating, which already holds the runtime and the input. Linux only.
/// </summary>
public static class HostilePeak
{
    /// <summary><c>--hostile-peak [case ...]</c>: every case (or those named), both option sets, one child process each.</summary>
    public static void Run(string[] cases)
    {
        var selected = cases.Length == 0 ? Enum.GetValues<HostileCase>() : cases.Select(Enum.Parse<HostileCase>).ToArray();
        Console.WriteLine("| Case | Input | Options | Verdict, errors | Time | Allocated | Peak RSS | Beyond input |");
        Console.WriteLine("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var hostile in selected)
        {
            var file = Path.Combine(Path.GetTempPath(), "wooshpay-hostile-" + hostile + ".json");
            File.WriteAllBytes(file, HostileInputBenchmarks.Payload(hostile));
            foreach (var stop in new[] { false, true })
            {
                // The same program again: through the dotnet host (dotnet Benchmarks.dll) or its own apphost (dotnet run).
                var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
                if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
                {
                    start.ArgumentList.Add(typeof(HostilePeak).Assembly.Location);
                }

                foreach (var argument in new[] { "--hostile-peak-child", hostile.ToString(), file, stop.ToString() })
                {
                    start.ArgumentList.Add(argument);
                }

                var child = Process.Start(start)!;
                Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
                child.WaitForExit();
            }

            File.Delete(file);
        }
    }

    /// <summary>The child: one validation of the payload in <paramref name="file"/>, printed as a table row.</summary>
    public static void Child(string hostile, string file, bool stopAtFirstError)
    {
        var validate = HostileInputBenchmarks.Validator(Enum.Parse<HostileCase>(hostile));
        var payload = File.ReadAllBytes(file);
        var options = new ValidationOptions { AssertFormats = true, StopAtFirstError = stopAtFirstError };
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var before = Status("VmRSS");
        File.WriteAllText("/proc/self/clear_refs", "5");
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = validate(payload, options);
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var peak = Status("VmHWM");
        var verdict = result.IsValid ? "valid" : $"invalid, {result.Errors.Count}{(result.ErrorsTruncated ? "+" : "")} ({result.Errors[0].Keyword} at {result.Errors[0].InstanceLocation})";
        Console.WriteLine($"| {hostile} | {Size(payload.Length)} | {(stopAtFirstError ? "StopAtFirstError" : "all errors")} | {verdict} | {watch.Elapsed.TotalMilliseconds:N0} ms "
            + $"| {Size(allocated)} | {Size(peak)} | {Size(peak - before)} |");
    }

    /// <summary>A field of /proc/self/status in bytes (the kernel writes kB).</summary>
    private static long Status(string field)
        => 1024 * long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 10_000_000 ? $"{bytes / 1_000_000.0:N0} MB" : bytes >= 10_000 ? $"{bytes / 1_000.0:N0} KB" : $"{bytes} B";
}
