using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace WooshPay.Contracts.Tests.Fuzzing;

/// <summary>
/// Random and mutated payloads against Parse and Validate of every generated root model. The short run is part of the
/// tests; <c>WOOSHPAY_FUZZ_ITERATIONS</c> raises the count per target, <c>WOOSHPAY_FUZZ_SEED</c> replays a run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Executions per target when WOOSHPAY_FUZZ_ITERATIONS is not set: a few seconds each.</summary>
    private const int ShortRunIterations = 1500;

    private const ulong DefaultSeed = 20260915;

    public static TheoryData<string> Targets()
    {
        var data = new TheoryData<string>();
        foreach (var title in FuzzTarget.Titles())
        {
            data.Add(title);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Fuzz(string title)
    {
        var target = FuzzTarget.Named(title);
        var iterations = Setting("WOOSHPAY_FUZZ_ITERATIONS", ShortRunIterations);
        var seed = Setting("WOOSHPAY_FUZZ_SEED", DefaultSeed);
        var gen = FuzzCase.For(target.Seeds.Count);
        var findings = new ConcurrentDictionary<string, string>();
        var counts = new ConcurrentDictionary<string, int>();
        var executions = 0L;
        var clock = Stopwatch.StartNew();

        // Case i is generated from its own PCG, so a finding names the one number that rebuilds it.
        Parallel.For(0L, iterations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var fuzzCase = gen.Generate(new PCG(1, Mix(seed + (ulong)i)), null, out _);
            var payload = fuzzCase.Build(target).Payload;
            var failure = Run(target, payload);
            Interlocked.Increment(ref executions);
            if (failure != null)
            {
                var kind = Signature(failure);
                counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
                findings.TryAdd(kind, $"case {i} of seed {seed} ({kind}: {counts[kind]}+ cases): {failure}{Environment.NewLine}{fuzzCase.Describe(target)}");
            }
        });

        output.WriteLine($"{title}: {executions} executions in {clock.Elapsed.TotalSeconds:F1} s, {findings.Count} findings (seed {seed}).");
        foreach (var (name, count) in counts.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  finding, {count} cases: {name}");
        }

        Assert.True(findings.IsEmpty, $"{findings.Count} findings (replay with WOOSHPAY_FUZZ_SEED={seed}):{Environment.NewLine}"
            + string.Join(Environment.NewLine + Environment.NewLine, findings.Values));
    }

    /// <summary>Runs the target's checks and the secret oracle on one payload; null when every invariant holds.</summary>
    public static string? Run(FuzzTarget target, byte[] payload)
    {
        var texts = new List<string>();
        var failure = target.Check(payload, texts);
        if (failure != null)
        {
            return failure;
        }

        foreach (var secret in target.Sensitive.SecretsIn(payload))
        {
            if (texts.FirstOrDefault(t => t.Contains(secret, StringComparison.Ordinal)) is { } leak)
            {
                return $"the sensitive value \"{secret}\" appears in: {leak}";
            }
        }

        return null;
    }

    /// <summary>What kind of failure it is (the text before its first colon), so that one case is kept per kind.</summary>
    private static string Signature(string failure)
        => failure.Split(':')[0];

    private static ulong Mix(ulong x)
    {
        // SplitMix64: neighbouring case numbers get unrelated generator states.
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    private static T Setting<T>(string name, T fallback)
        where T : IParsable<T>
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? T.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
