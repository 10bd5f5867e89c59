using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace WooshPay.Contracts.Tests.Differential;

/// <summary>
/// Differential property test: the canonical and published samples are mutated (CsCheck generators) and
/// every mutated payload goes through the generated validator, NJsonSchema and JsonSchema.Net with format
/// assertion on. Wherever the two peers agree, the generated validator must agree with them, unless the
/// case belongs to a class listed in <see cref="KnownDifferences"/> (and known-differences.md). Every other
/// disagreement is shrunk by CsCheck, then reduced to a minimal payload, and fails the test.
/// </summary>
/// <remarks>
/// Deterministic by default (a fixed seed). Locally: WOOSHPAY_DIFFERENTIAL_SEED=random (or a number) for
/// other cases, WOOSHPAY_DIFFERENTIAL_CASES=n for another number of cases per schema.
/// </remarks>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    public const ulong DefaultSeed = 20_230_608;
    public const int DefaultCasesPerSchema = 1000;
    private const int ShrinkIterations = 1500;
    private const int MaxShrunkClasses = 8;
    private const int MaxReductionRuns = 3000;

    [Fact]
    public void Generated_validator_agrees_with_both_peers_wherever_they_agree()
    {
        var (seed, seedSource) = ReadSeed();
        var casesPerSchema = int.TryParse(Environment.GetEnvironmentVariable("WOOSHPAY_DIFFERENTIAL_CASES"), out var n) && n > 0 ? n : DefaultCasesPerSchema;
        output.WriteLine($"Seed {seed} ({seedSource}); {casesPerSchema} cases per schema. Reproduce with WOOSHPAY_DIFFERENTIAL_SEED={seed}.");
        output.WriteLine(string.Empty);
        AssertBothPeersLoadedEverySchema();

        var knownCounts = KnownDifferences.All.ToDictionary(k => k.Name, _ => 0);
        var failures = new List<(string SchemaFile, Gen<MutationCase> Gen, string CaseSeed, Outcome Outcome)>();
        var totals = new int[Enum.GetValues<Classification>().Length];
        var started = DateTime.UtcNow;
        var streamIndex = 0u;

        foreach (var (schemaFile, samples) in SamplesBySchema())
        {
            var gen = PayloadMutations.CasesFor(schemaFile, samples);
            var pcg = new PCG(++streamIndex, seed);
            var counts = new int[totals.Length];
            var agreedValid = 0;
            var peerThrew = new Dictionary<string, int>(StringComparer.Ordinal);
            var schemaKnown = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < casesPerSchema; i++)
            {
                var state = pcg.State;
                var mutationCase = gen.Generate(pcg, null, out _);
                var outcome = DifferentialOracle.Run(schemaFile, mutationCase.Build().Payload);
                var (classification, known) = DifferentialOracle.Classify(outcome);
                counts[(int)classification]++;
                switch (classification)
                {
                    case Classification.Agreed when outcome.Ours == Verdict.Valid:
                        agreedValid++;
                        break;
                    case Classification.PeerThrew:
                        var who = outcome.NJsonSchema.Verdict == Verdict.Error ? "NJsonSchema: " + outcome.NJsonSchema.Errors[0] : "JsonSchema.Net: " + outcome.JsonSchemaNet.Errors[0];
                        who = who.Length > 110 ? who.Substring(0, 110) + "…" : who;
                        peerThrew[who] = peerThrew.GetValueOrDefault(who) + 1;
                        break;
                    case Classification.KnownDifference:
                        knownCounts[known!.Name]++;
                        schemaKnown[known.Name] = schemaKnown.GetValueOrDefault(known.Name) + 1;
                        break;
                    case Classification.Unexplained:
                        failures.Add((schemaFile, gen, pcg.ToString(state), outcome));
                        break;
                }
            }

            for (var c = 0; c < totals.Length; c++)
            {
                totals[c] += counts[c];
            }

            var disagreements = counts[(int)Classification.KnownDifference] + counts[(int)Classification.Unexplained];
            output.WriteLine($"{ContractSchemas.SchemaClassForFile(schemaFile)} ({schemaFile}, {samples.Count} base samples): {casesPerSchema} cases");
            output.WriteLine($"  all three agree:                {counts[(int)Classification.Agreed]} ({agreedValid} valid, {counts[(int)Classification.Agreed] - agreedValid} invalid)");
            output.WriteLine($"  peers split (no oracle):        {counts[(int)Classification.PeersSplit]}");
            output.WriteLine($"  a peer threw (no oracle):       {counts[(int)Classification.PeerThrew]}");
            foreach (var (who, count) in peerThrew.OrderByDescending(kv => kv.Value))
            {
                output.WriteLine($"      {count,4} × {who}");
            }

            output.WriteLine($"  ours ≠ agreeing peers:          {disagreements}");
            foreach (var (name, count) in schemaKnown.OrderByDescending(kv => kv.Value))
            {
                output.WriteLine($"      {count,4} × known difference '{name}'");
            }

            output.WriteLine($"      {counts[(int)Classification.Unexplained],4} × unexplained");
        }

        var run = totals.Sum();
        output.WriteLine(string.Empty);
        output.WriteLine($"Total: {run} cases in {(DateTime.UtcNow - started).TotalSeconds:0.0} s; {totals[(int)Classification.Agreed]} agreed; "
            + $"{totals[(int)Classification.PeersSplit] + totals[(int)Classification.PeerThrew]} without an oracle; "
            + $"{totals[(int)Classification.KnownDifference] + totals[(int)Classification.Unexplained]} disagreements "
            + $"({totals[(int)Classification.KnownDifference]} known, {totals[(int)Classification.Unexplained]} unexplained).");
        output.WriteLine(string.Empty);
        output.WriteLine("Disagreement classes and how each was resolved (details and reproducers in Differential/known-differences.md):");
        foreach (var known in KnownDifferences.All)
        {
            output.WriteLine($"  [{knownCounts[known.Name],4} cases] {known.Name}: {known.Reason}");
        }

        foreach (var fix in RuntimeFixes.All)
        {
            output.WriteLine($"  [   fixed  ] {fix.Name}: {fix.Reason}");
        }

        if (failures.Count == 0)
        {
            AssertTheComparisonTookPlace(totals);
            return;
        }

        output.WriteLine(string.Empty);
        output.WriteLine($"{failures.Count} unexplained disagreements; shrinking one per class:");
        var report = new List<string>();
        foreach (var group in failures.GroupBy(f => Signature(f.Outcome)).Take(MaxShrunkClasses))
        {
            var (schemaFile, gen, caseSeed, first) = group.First();
            var minimal = Shrink(gen, caseSeed, group.Key);
            var minimalOutcome = DifferentialOracle.Run(schemaFile, minimal.Build().Payload);
            var reduced = Reduce(minimalOutcome);
            var text = $"[{group.Count()} cases like this] {group.Key}"
                + Environment.NewLine + "  shrunk case (CsCheck): " + minimal
                + Environment.NewLine + "  reduced payload: " + reduced.Payload
                + Environment.NewLine + "    " + DifferentialOracle.WithPeerDetails(reduced).Describe();
            output.WriteLine(text);
            report.Add(text);
        }

        Assert.Fail($"{failures.Count} unexplained disagreements between the generated validator and two agreeing peers "
            + $"(seed {seed}); minimal reproducers:{Environment.NewLine}{string.Join(Environment.NewLine, report)}");
    }

    /// <summary>
    /// No unexplained disagreement proves nothing unless the comparison took place: a peer that throws on every
    /// payload of a schema turns each of its cases into PeerThrew, and the test would pass having compared nothing.
    /// </summary>
    private static void AssertTheComparisonTookPlace(int[] totals)
    {
        // With the default seed the 6000 cases give 5634 (93.9%) all three agreeing, 353 without an oracle (259 peers
        // split, 94 = 1.6% a peer threw) and 13 known differences; per schema 89.2-96.9% agree and 1.3-2.1% have a peer
        // throwing, and seeds 1-8 give 93.5-94.5% and 1.5-1.9%. The bounds leave room for other seeds, while one schema
        // lost to a peer (a sixth of the cases) breaks both. (With far fewer cases, WOOSHPAY_DIFFERENTIAL_CASES, the
        // ratios get noisier.)
        var run = totals.Sum();
        var agreed = totals[(int)Classification.Agreed];
        var threw = totals[(int)Classification.PeerThrew];
        Assert.True(run > 0, "No case was run: no sample payloads under samples/payloads/canonical or documented.");
        Assert.True(agreed >= 0.85 * run, $"Only {agreed} of {run} cases ({100.0 * agreed / run:0.0}%) had all three validators agreeing; at least 85% must.");
        Assert.True(threw <= 0.05 * run, $"A peer threw on {threw} of {run} cases ({100.0 * threw / run:0.0}%); at most 5% may have no verdict from a peer.");
    }

    /// <summary>
    /// Both peers loaded every schema of schemas/. Loading outside the verdicts (which catch what a peer throws and
    /// call it <see cref="Verdict.Error"/>), so that a load failure fails the test with its own message.
    /// </summary>
    private static void AssertBothPeersLoadedEverySchema()
    {
        var schemaFiles = Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(schemaFiles);
        var (njsonSchema, jsonSchemaNet) = PeerValidators.LoadedSchemaFiles();
        Assert.Equal(schemaFiles, njsonSchema);
        Assert.Equal(schemaFiles, jsonSchemaNet);
    }

    /// <summary>Each validator bug this test found is fixed; its minimal reproducer stays here so it cannot come back.</summary>
    [Fact]
    public void Runtime_fixes_found_by_the_differential_test_stay_fixed()
    {
        foreach (var fix in RuntimeFixes.All)
        {
            var outcome = DifferentialOracle.Run(fix.SchemaFile, fix.Payload);
            output.WriteLine($"{fix.Name}: {fix.Payload} -> ours {outcome.Ours}, NJsonSchema {outcome.NJsonSchema.Verdict}, JsonSchema.Net {outcome.JsonSchemaNet.Verdict}");
            Assert.True(outcome.OursDefect is null, fix.Name + ": " + outcome.OursDefect);
            Assert.Equal(fix.Expected, outcome.Ours);
        }
    }

    /// <summary>The known-difference predicates match only what they are meant to: never a case on which ours agrees with agreeing peers.</summary>
    [Fact]
    public void Known_difference_reproducers_still_differ_and_are_matched_by_their_predicate()
    {
        foreach (var known in KnownDifferences.All)
        {
            foreach (var (schemaFile, payload) in known.Reproducers)
            {
                var outcome = DifferentialOracle.Run(schemaFile, payload);
                output.WriteLine($"{known.Name}: {payload}{Environment.NewLine}    {outcome.Describe()}");
                Assert.True(outcome.PeersAgree, $"{known.Name}: the peers no longer agree on {payload}");
                Assert.NotEqual(outcome.NJsonSchema.Verdict, outcome.Ours);
                Assert.True(known.Matches(outcome), $"{known.Name}: the predicate does not match its own reproducer {payload}");
                Assert.Equal(known.Name, KnownDifferences.All.First(k => k.Matches(outcome)).Name);
            }
        }
    }

    private static (ulong Seed, string Source) ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable("WOOSHPAY_DIFFERENTIAL_SEED");
        if (string.IsNullOrWhiteSpace(text))
        {
            return (DefaultSeed, "fixed default");
        }

        if (string.Equals(text, "random", StringComparison.OrdinalIgnoreCase))
        {
            return ((ulong)Random.Shared.NextInt64(), "random, from WOOSHPAY_DIFFERENTIAL_SEED=random");
        }

        return (ulong.Parse(text, CultureInfo.InvariantCulture), "from WOOSHPAY_DIFFERENTIAL_SEED");
    }

    /// <summary>The canonical and published samples, grouped by the schema that checks them.</summary>
    public static IEnumerable<(string SchemaFile, IReadOnlyList<string> Samples)> SamplesBySchema()
        => new[] { "canonical", "documented" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Payloads, folder), "*.json"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .GroupBy(ContractSchemas.SchemaFileFor)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.ToList()));

    /// <summary>What kind of disagreement it is, so that one reproducer is shrunk per kind.</summary>
    private static string Signature(Outcome outcome)
        => outcome.OursDefect != null
            ? "defect: " + System.Text.RegularExpressions.Regex.Replace(outcome.OursDefect.Split(':')[0], "[0-9]+", "N")
            : $"{outcome.SchemaFile}: ours {outcome.Ours}, peers {outcome.NJsonSchema.Verdict}"
                + (outcome.Ours == Verdict.Invalid ? " (" + string.Join(",", outcome.OursErrors.Select(e => e.Keyword).Distinct().Order()) + ")" : string.Empty);

    /// <summary>
    /// CsCheck shrinking, started from the failing case's seed: the smallest case it finds that is still an
    /// unexplained disagreement of the same kind (so that each kind gets its own reproducer).
    /// </summary>
    private static MutationCase Shrink(Gen<MutationCase> gen, string caseSeed, string signature)
    {
        bool StillFails(MutationCase c)
        {
            var outcome = DifferentialOracle.Run(c.SchemaFile, c.Build().Payload);
            return DifferentialOracle.Classify(outcome).Classification == Classification.Unexplained && Signature(outcome) == signature;
        }

        MutationCase? minimal = null;
        try
        {
            gen.Sample(
                c => !StillFails(c),
                seed: caseSeed, iter: ShrinkIterations, threads: 1,
                print: c =>
                {
                    minimal = c;
                    return c.ToString();
                });
        }
        catch (CsCheckException)
        {
            // Expected: the seed reproduces a failure. print captured the smallest one.
        }

        return minimal ?? throw new InvalidOperationException("The failing case did not fail again from seed " + caseSeed);
    }

    /// <summary>
    /// Removes members and items from the payload one at a time while the same disagreement persists
    /// (ours, NJsonSchema and JsonSchema.Net give the same verdicts and it is still unexplained).
    /// </summary>
    private static Outcome Reduce(Outcome failing)
    {
        bool Same(Outcome o) => o.Ours == failing.Ours && o.NJsonSchema.Verdict == failing.NJsonSchema.Verdict
            && o.JsonSchemaNet.Verdict == failing.JsonSchemaNet.Verdict && (o.OursDefect != null) == (failing.OursDefect != null)
            && DifferentialOracle.Classify(o).Classification == Classification.Unexplained;

        var current = failing;
        var runs = 0;
        var changed = true;
        while (changed && runs < MaxReductionRuns)
        {
            changed = false;
            foreach (var candidate in Removals(current.Payload))
            {
                runs++;
                var outcome = DifferentialOracle.Run(failing.SchemaFile, candidate);
                if (Same(outcome))
                {
                    current = outcome;
                    changed = true;
                    break;
                }
            }
        }

        return current;
    }

    /// <summary>Every payload that has one member or item fewer than <paramref name="payload"/>, outer places first.</summary>
    private static IEnumerable<string> Removals(string payload)
    {
        var count = Places(PayloadMutations.ParseNode(payload)).Count;
        for (var p = 0; p < count; p++)
        {
            var copy = PayloadMutations.ParseNode(payload);
            var (container, key, index) = Places(copy)[p];
            if (container is JsonObject obj)
            {
                obj.Remove(key!);
            }
            else
            {
                ((JsonArray)container).RemoveAt(index);
            }

            yield return PayloadMutations.Serialize(copy);
        }
    }

    private static List<(JsonNode Container, string? Key, int Index)> Places(JsonNode? root)
    {
        var places = new List<(JsonNode Container, string? Key, int Index)>();
        var queue = new Queue<JsonNode?>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            switch (queue.Dequeue())
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        places.Add((obj, key, -1));
                        queue.Enqueue(child);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        places.Add((array, null, i));
                        queue.Enqueue(array[i]);
                    }

                    break;
            }
        }

        return places;
    }
}
