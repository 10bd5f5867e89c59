using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;

namespace WooshPay.Contracts.Tests.Fuzzing;

/// <summary>
/// Where a schema file marks instance values <c>"x-sensitive": true</c>, read from the schema text itself (not from the
/// generator), and which values of a payload sit there: the oracle for "no secret in any output".
/// </summary>
public sealed class SensitiveValues
{
    /// <summary>Shorter values would match schema text or messages by chance ("true", a currency code).</summary>
    private const int MinimumSecretLength = 8;

    /// <summary>Instance paths to a sensitive value: property names, and <c>*</c> for any item or any additional member.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Paths { get; }

    private SensitiveValues(IReadOnlyList<IReadOnlyList<string>> paths) => Paths = paths;

    public static SensitiveValues For(string schemaFile)
    {
        var paths = new List<IReadOnlyList<string>>();
        Walk(schemaFile, Root(schemaFile), new List<string>(), new HashSet<string>(), paths);
        return new SensitiveValues(paths.Distinct(new PathComparer()).ToList());
    }

    /// <summary>
    /// The secrets of <paramref name="payload"/>: every string, number and member name of at least eight characters under
    /// a sensitive path that appears nowhere else in the payload nor in the schemas (such a text is visible for another reason).
    /// Empty when the payload is not JSON.
    /// </summary>
    public IReadOnlyList<string> SecretsIn(byte[] payload)
    {
        if (Paths.Count == 0)
        {
            return Array.Empty<string>();
        }

        // Invalid UTF-8 is read as U+FFFD, as any text shown of it would be; JsonDocument does not check strings.
        payload = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(payload));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 1024 });
        }
        catch (JsonException)
        {
            return Array.Empty<string>();
        }

        using (document)
        {
            var secret = new List<string>();
            var visible = new List<string>();
            Collect(document.RootElement, new List<string>(), secret, visible);
            var elsewhere = string.Join("\u0001", visible);
            return secret.Where(s => s.Length >= MinimumSecretLength)
                .Where(s => !elsewhere.Contains(s, StringComparison.Ordinal) && !SchemaText.Value.Contains(s, StringComparison.Ordinal))
                .Distinct()
                .ToList();
        }
    }

    private static readonly Lazy<string> SchemaText = new(() => string.Concat(Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json").Select(File.ReadAllText)));

    private void Collect(JsonElement element, List<string> path, List<string> secret, List<string> visible)
    {
        if (Paths.Any(p => Matches(p, path)))
        {
            Leaves(element, secret);
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var name = NameOf(member);
                    visible.Add(name);
                    path.Add(name);
                    Collect(member.Value, path, secret, visible);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    path.Add((index++).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Collect(item, path, secret, visible);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            default:
                visible.Add(Text(element));
                break;
        }
    }

    private static void Leaves(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    into.Add(NameOf(member));
                    Leaves(member.Value, into);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Leaves(item, into);
                }

                break;
            default:
                into.Add(Text(element));
                break;
        }
    }

    /// <summary>A member's name, or empty when it holds a lone surrogate (such a name matches no path and shows as no text).</summary>
    private static string NameOf(JsonProperty member)
    {
        try
        {
            return member.Name;
        }
        catch (InvalidOperationException)
        {
            return string.Empty;
        }
    }

    /// <summary>A string's value (its raw text when it holds a lone surrogate, which has no string value), or a number's text.</summary>
    private static string Text(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return element.GetRawText();
        }

        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return element.GetRawText().Trim('"');
        }
    }

    private static bool Matches(IReadOnlyList<string> pattern, List<string> path)
        => pattern.Count == path.Count && pattern.Zip(path).All(p => p.First == "*" || p.First == p.Second);

    private static JsonElement Root(string schemaFile)
        => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, schemaFile))).RootElement;

    /// <summary>Follows properties, items, additional members, applicators and <c>$ref</c> (file-relative, as the schemas write them).</summary>
    private static void Walk(string file, JsonElement schema, List<string> path, HashSet<string> onStack, List<IReadOnlyList<string>> found)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("x-sensitive", out var flag) && flag.ValueKind == JsonValueKind.True)
        {
            found.Add(path.ToList());
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target)
        {
            var hash = target.IndexOf('#');
            var targetFile = hash == 0 ? file : hash < 0 ? target : target.Substring(0, hash);
            var fragment = hash < 0 ? string.Empty : target.Substring(hash + 1);
            var key = targetFile + "#" + fragment;
            if (onStack.Add(key))
            {
                var resolved = Root(targetFile);
                foreach (var token in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    resolved = resolved.GetProperty(token.Replace("~1", "/").Replace("~0", "~"));
                }

                Walk(targetFile, resolved, path, onStack, found);
                onStack.Remove(key);
            }
        }

        foreach (var applicator in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(applicator, out var list))
            {
                foreach (var sub in list.EnumerateArray())
                {
                    Walk(file, sub, path, onStack, found);
                }
            }
        }

        foreach (var single in new[] { "then", "else" })
        {
            if (schema.TryGetProperty(single, out var sub))
            {
                Walk(file, sub, path, onStack, found);
            }
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                Descend(file, property.Value, path, property.Name, onStack, found);
            }
        }

        foreach (var any in new[] { "items", "additionalProperties" })
        {
            if (schema.TryGetProperty(any, out var sub))
            {
                Descend(file, sub, path, "*", onStack, found);
            }
        }
    }

    private static void Descend(string file, JsonElement schema, List<string> path, string segment, HashSet<string> onStack, List<IReadOnlyList<string>> found)
    {
        path.Add(segment);
        Walk(file, schema, path, onStack, found);
        path.RemoveAt(path.Count - 1);
    }

    private sealed class PathComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x!.SequenceEqual(y!);

        public int GetHashCode(IReadOnlyList<string> obj) => string.Join("/", obj).GetHashCode(StringComparison.Ordinal);
    }
}
