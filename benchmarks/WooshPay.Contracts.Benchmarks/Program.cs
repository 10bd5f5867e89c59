// WooshPay.Contracts.Benchmarks: the validators and models the generator emits into this program,
// against NJsonSchema 11.6.2 and JsonSchema.Net 8.0.5, speed and allocations in the same run.
//
//   dotnet run -c Release --project benchmarks/WooshPay.Contracts.Benchmarks -- --filter '*'
//
// Every BenchmarkDotNet argument works after the "--" (--list flat, --filter '*Parse*', ...);
// "-- --hostile-peak [case ...]" measures the peak memory of the hostile-input cases instead.
// The job is short on purpose (3 warm-up and 10 measured iterations, one process per benchmark);
// "-- --short --filter ..." is a quick look (in process, 1 warm-up and 3 iterations of 100 ms):
// about a minute for the validation and parse classes, too coarse for the tables of benchmarks/README.md.
// Results land in BenchmarkDotNet.Artifacts/results/.
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// Peak memory of the hostile-input cases, one process per validation (see HostileInputBenchmarks.cs).
if (args is ["--hostile-peak", .. var cases])
{
    WooshPay.Contracts.Benchmarks.HostilePeak.Run(cases);
    return;
}

if (args is ["--hostile-peak-child", var hostile, var file, var stop])
{
    WooshPay.Contracts.Benchmarks.HostilePeak.Child(hostile, file, bool.Parse(stop));
    return;
}

var quick = args.Contains("--short");
var job = quick
    ? Job.Default.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance)
        .WithWarmupCount(1).WithIterationCount(3).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)).WithId("Quick-1x3")
    : Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("Short-3x10");
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    // On a shared VM a busy neighbour inflates some iterations: the fastest and the middle one show it beside the mean.
    .AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Min, BenchmarkDotNet.Columns.StatisticColumn.Median)
    .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
    .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));

BenchmarkSwitcher.FromAssembly(typeof(WooshPay.Contracts.Benchmarks.ValidationBenchmarks).Assembly)
    .Run(args.Where(a => a != "--short").ToArray(), config);
