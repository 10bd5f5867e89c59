using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.Conformance;

/// <summary>
/// Runs suite test groups through the real generator: each group's schema becomes a schema file,
/// the suite's remotes are served as the http://localhost:1234/ documents they stand for, groups are
/// batched into few compilations, and every instance goes through the generated validator.
/// </summary>
public static class ConformanceRunner
{
    private const int MaxGroupsPerBatch = 400;
    private const string RemoteBase = "http://localhost:1234/";

    /// <summary>Remote folders written for older drafts; the 2020-12 tests never reach them.</summary>
    private static readonly string[] s_otherDraftFolders = { "draft3", "draft4", "draft6", "draft7", "draft2019-09", "draft-next" };

    /// <summary>Runs every case; <paramref name="inspect"/>, when given, also sees each case with its group's validator.</summary>
    public static IReadOnlyList<CaseOutcome> Run(IReadOnlyList<TestGroup> groups, bool assertFormats, Action<TestCase, GeneratedValidator>? inspect = null)
    {
        var remotes = LoadRemotes();
        var remoteIds = remotes.SelectMany(r => TestGroup.CollectIdentifiers(r.Text)).ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<CaseOutcome>();
        foreach (var batch in Batch(groups, remoteIds))
        {
            outcomes.AddRange(RunBatch(batch, remotes, assertFormats, inspect));
        }

        return outcomes;
    }

    private static IEnumerable<List<TestGroup>> Batch(IReadOnlyList<TestGroup> groups, HashSet<string> remoteIds)
    {
        var batches = new List<(List<TestGroup> Groups, HashSet<string> Ids)>();
        foreach (var group in groups)
        {
            var target = batches.FirstOrDefault(b => b.Groups.Count < MaxGroupsPerBatch && !b.Ids.Overlaps(group.Identifiers));
            if (target.Groups is null)
            {
                target = (new List<TestGroup>(), new HashSet<string>(remoteIds, StringComparer.Ordinal));
                batches.Add(target);
            }

            target.Groups.Add(group);
            target.Ids.UnionWith(group.Identifiers);
        }

        return batches.Select(b => b.Groups);
    }

    private static IEnumerable<CaseOutcome> RunBatch(List<TestGroup> groups, IReadOnlyList<SchemaInput> remotes, bool assertFormats,
        Action<TestCase, GeneratedValidator>? inspect)
    {
        var validationOnly = new Dictionary<string, string> { ["GenerateModels"] = "false" };
        var inputs = new List<SchemaInput>(remotes);
        for (var i = 0; i < groups.Count; i++)
        {
            inputs.Add(new SchemaInput($"/suite/g{i:D4}.schema.json", groups[i].SchemaJson,
                new Dictionary<string, string>(validationOnly) { ["TypeName"] = $"G{i:D4}" }));
        }

        var output = GeneratorHarness.Run(inputs);
        System.Reflection.Assembly assembly;
        try
        {
            assembly = GeneratorHarness.Load(output.Compilation);
        }
        catch (InvalidOperationException e)
        {
            return groups.SelectMany(g => g.Tests.Select(t => new CaseOutcome(g, t, null, e.Message)));
        }

        var results = new List<CaseOutcome>();
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var validator = new GeneratedValidator(assembly, $"G{i:D4}Schema");
            foreach (var test in group.Tests)
            {
                try
                {
                    results.Add(new CaseOutcome(group, test, validator.Validate(test.DataJson, assertFormats: assertFormats).IsValid, null));
                    inspect?.Invoke(test, validator);
                }
                catch (Exception e)
                {
                    results.Add(new CaseOutcome(group, test, null, (e.InnerException ?? e).ToString()));
                }
            }
        }

        return results;
    }

    private static IReadOnlyList<SchemaInput> LoadRemotes()
    {
        var root = Path.Combine(RepoPaths.TestSuite, "remotes");
        return Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !s_otherDraftFolders.Any(folder => relative.StartsWith(folder + "/", StringComparison.Ordinal)))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .Select(relative => new SchemaInput(
                "/remotes/" + relative.Replace(".json", ".schema.json"),
                File.ReadAllText(Path.Combine(root, relative)),
                new Dictionary<string, string> { ["SchemaUri"] = RemoteBase + relative, ["GenerateModels"] = "false" }))
            .ToList();
    }

    public static IReadOnlyList<KnownGap> LoadKnownGaps(string path)
        => JsonSerializer.Deserialize<List<KnownGap>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? new();
}
