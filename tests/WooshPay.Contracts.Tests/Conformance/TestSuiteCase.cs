using System.Text.Json;
using System.Text.Json.Nodes;

namespace WooshPay.Contracts.Tests.Conformance;

/// <summary>One test group of the JSON-Schema-Test-Suite: a schema and the instances checked against it.</summary>
public sealed record TestGroup(string File, string Description, string SchemaJson, IReadOnlyList<TestCase> Tests)
{
    /// <summary>Every "$id" string in the schema, to keep groups that share an identifier in separate compilations.</summary>
    public IReadOnlySet<string> Identifiers { get; } = CollectIdentifiers(SchemaJson);

    public static IReadOnlyList<TestGroup> Load(string path, string displayName)
    {
        var groups = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsArray();
        return groups.Select(g => new TestGroup(
            displayName,
            (string)g!["description"]!,
            g["schema"]!.ToJsonString(),
            g["tests"]!.AsArray().Select(t => new TestCase((string)t!["description"]!, t["data"]?.ToJsonString() ?? "null", (bool)t["valid"]!)).ToList()))
            .ToList();
    }

    internal static IReadOnlySet<string> CollectIdentifiers(string json)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        if (p.Name == "$id" && p.Value.ValueKind == JsonValueKind.String)
                        {
                            ids.Add(p.Value.GetString()!);
                        }

                        Walk(p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);
        return ids;
    }
}

/// <summary>One instance of a test group and the verdict the suite expects.</summary>
public sealed record TestCase(string Description, string DataJson, bool Valid);

/// <summary>A test case whose outcome is known to differ from the suite, and why.</summary>
public sealed record KnownGap(string File, string Group, string Test, string Reason);

/// <summary>What running one test case produced.</summary>
public sealed record CaseOutcome(TestGroup Group, TestCase Case, bool? Actual, string? Failure)
{
    public bool Passed => Actual == Case.Valid;

    public string Key => $"{Group.File} | {Group.Description} | {Case.Description}";
}
