using System.Text;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace WooshPay.Contracts.Tests.Conformance;

/// <summary>
/// Conformance with the official JSON-Schema-Test-Suite (draft 2020-12). Every case must either
/// match the suite or be listed in known-gaps.json with a reason; an unexpected result in either
/// direction fails, so a regression and a silent fix both show. The README's table must match the results;
/// it is rewritten only on request (<see cref="UpdateReadmeVariable"/>=1), never by an ordinary test run.
/// </summary>
public sealed class JsonSchemaTestSuiteTests(ITestOutputHelper output)
{
    private const string TableStart = "<!-- conformance-table:start -->";
    private const string TableEnd = "<!-- conformance-table:end -->";

    /// <summary>Set to 1 to rewrite the README's table from this run instead of comparing with it.</summary>
    public const string UpdateReadmeVariable = "WOOSHPAY_UPDATE_CONFORMANCE_TABLE";

    /// <summary>Optional files whose feature the generator claims.</summary>
    private static readonly string[] s_claimedOptional =
    {
        "anchor.json", "bignum.json", "dynamicRef.json", "ecmascript-regex.json", "float-overflow.json", "id.json",
        "no-schema.json", "non-bmp-regex.json", "refOfUnknownKeyword.json", "unknownKeyword.json",
    };

    [Fact]
    public void Suite_results_match_the_suite_or_the_known_gaps_and_the_readme_table_is_current()
    {
        var suite = Path.Combine(RepoPaths.TestSuite, "tests", "draft2020-12");
        Assert.True(Directory.Exists(suite), $"The JSON-Schema-Test-Suite is missing at {suite}");

        var required = Directory.EnumerateFiles(suite, "*.json").OrderBy(p => p, StringComparer.Ordinal)
            .SelectMany(p => TestGroup.Load(p, Path.GetFileName(p))).ToList();
        var optional = s_claimedOptional.Select(name => Path.Combine(suite, "optional", name))
            .SelectMany(p => TestGroup.Load(p, "optional/" + Path.GetFileName(p))).ToList();
        var formats = TestGroup.Load(Path.Combine(RepoPaths.TestsProject, "Conformance", "format-assertions.json"), "toolkit/format-assertions.json");

        // The suite's required files treat "format" as an annotation; the toolkit's own format cases assert it.
        var outcomes = ConformanceRunner.Run(required.Concat(optional).ToList(), assertFormats: false)
            .Concat(ConformanceRunner.Run(formats, assertFormats: true))
            .ToList();

        var gaps = ConformanceRunner.LoadKnownGaps(Path.Combine(RepoPaths.TestsProject, "Conformance", "known-gaps.json"));
        var gapKeys = gaps.ToDictionary(g => $"{g.File} | {g.Group} | {g.Test}", StringComparer.Ordinal);

        var unexpectedFailures = outcomes.Where(o => !o.Passed && !gapKeys.ContainsKey(o.Key)).ToList();
        var unexpectedPasses = outcomes.Where(o => o.Passed && gapKeys.ContainsKey(o.Key)).ToList();
        var staleGaps = gapKeys.Keys.Except(outcomes.Select(o => o.Key)).ToList();

        var table = BuildTable(outcomes, gapKeys);
        output.WriteLine(table);
        UpdateOrCheckReadme(table);

        var problems = new StringBuilder();
        foreach (var o in unexpectedFailures)
        {
            problems.AppendLine($"FAIL (expected {(o.Case.Valid ? "valid" : "invalid")}): {o.Key}{(o.Failure is null ? string.Empty : " — " + string.Join(" / ", o.Failure.Split('\n').Take(3)))}");
        }

        foreach (var o in unexpectedPasses)
        {
            problems.AppendLine($"NOW PASSES (remove from known-gaps.json): {o.Key}");
        }

        foreach (var key in staleGaps)
        {
            problems.AppendLine($"GAP NOT IN SUITE (remove from known-gaps.json): {key}");
        }

        output.WriteLine($"{outcomes.Count} cases, {outcomes.Count(o => o.Passed)} passed, {outcomes.Count(o => !o.Passed)} known gaps");
        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static string BuildTable(IReadOnlyList<CaseOutcome> outcomes, IReadOnlyDictionary<string, KnownGap> gaps)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| File | Tests | Passed | Gaps and why |");
        sb.AppendLine("| --- | ---: | ---: | --- |");
        foreach (var file in outcomes.GroupBy(o => o.Group.File).OrderBy(g => g.Key.Contains('/') ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var reasons = file.Where(o => !o.Passed && gaps.ContainsKey(o.Key))
                .GroupBy(o => gaps[o.Key].Reason)
                .Select(g => $"{g.Count()}: {g.Key}");
            sb.AppendLine($"| {file.Key} | {file.Count()} | {file.Count(o => o.Passed)} | {string.Join("; ", reasons)} |");
        }

        var required = outcomes.Where(o => !o.Group.File.Contains('/')).ToList();
        sb.AppendLine($"| **required (draft 2020-12)** | {required.Count:N0} | {required.Count(o => o.Passed):N0} | |");
        sb.AppendLine($"| **total** | {outcomes.Count:N0} | {outcomes.Count(o => o.Passed):N0} | |");
        return sb.ToString();
    }

    /// <summary>A stale README table fails; with the update variable set (and not on CI) the table is rewritten instead.</summary>
    private static void UpdateOrCheckReadme(string table)
    {
        var readmePath = Path.Combine(RepoPaths.Root, "README.md");
        var readme = File.ReadAllText(readmePath).Replace("\r\n", "\n");
        var start = readme.IndexOf(TableStart, StringComparison.Ordinal);
        var end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md must contain {TableStart} and {TableEnd}");
        var current = readme.Substring(start + TableStart.Length, end - start - TableStart.Length).Trim('\n');
        var expected = table.Replace("\r\n", "\n").Trim('\n');
        if (current == expected)
        {
            return;
        }

        var update = Environment.GetEnvironmentVariable(UpdateReadmeVariable) == "1" && !SnapshotAssert.IsCi;
        Assert.True(update, $"The README conformance table is out of date: regenerate it with {UpdateReadmeVariable}=1 "
            + "dotnet test tests/WooshPay.Contracts.Tests -c Release --filter FullyQualifiedName~JsonSchemaTestSuiteTests, review and commit README.md.");
        var updated = readme.Substring(0, start + TableStart.Length) + "\n" + expected + "\n" + readme.Substring(end);
        File.WriteAllText(readmePath, updated);
    }
}
