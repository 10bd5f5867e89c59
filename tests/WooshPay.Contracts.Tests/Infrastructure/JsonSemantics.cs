using System.Text.Json;

namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>JSON equality for round-trip checks: member order ignored, numbers compared by value.</summary>
public static class JsonSemantics
{
    public static bool AreEqual(JsonElement a, JsonElement b, out string difference, string pointer = "")
    {
        difference = string.Empty;
        if (a.ValueKind != b.ValueKind)
        {
            difference = $"{pointer}: {a.ValueKind} vs {b.ValueKind}";
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value);
                var right = b.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value);
                foreach (var name in left.Keys.Union(right.Keys))
                {
                    if (!left.ContainsKey(name) || !right.ContainsKey(name))
                    {
                        difference = $"{pointer}/{name}: present on one side only";
                        return false;
                    }

                    if (!AreEqual(left[name], right[name], out difference, pointer + "/" + name))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                var x = a.EnumerateArray().ToList();
                var y = b.EnumerateArray().ToList();
                if (x.Count != y.Count)
                {
                    difference = $"{pointer}: {x.Count} items vs {y.Count}";
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!AreEqual(x[i], y[i], out difference, pointer + "/" + i))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Number:
                var equal = a.TryGetDecimal(out var m) && b.TryGetDecimal(out var n) ? m == n : a.GetDouble() == b.GetDouble();
                difference = equal ? string.Empty : $"{pointer}: {a.GetRawText()} vs {b.GetRawText()}";
                return equal;
            case JsonValueKind.String:
                var same = a.GetString() == b.GetString();
                difference = same ? string.Empty : $"{pointer}: {a.GetRawText()} vs {b.GetRawText()}";
                return same;
            default:
                return true;
        }
    }
}
