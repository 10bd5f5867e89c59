namespace WooshPay.Contracts.Tool.Docs;

/// <summary>"Did you mean": the closest known name by edit distance, if it is close enough to be a typo.</summary>
internal static class NearMiss
{
    public static string? Suggest(string key, IEnumerable<string> known)
    {
        // A typo changes a few characters: one edit in four, at least one, and never half of the key
        // (so a two-letter translated key is not "close" to every two-letter property).
        var limit = Math.Max(1, key.Length / 4);
        return known
            .Select(name => (Name: name, Distance: Distance(key, name)))
            .Where(c => c.Distance <= limit && c.Distance * 2 < key.Length)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions), two rows of memory.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
