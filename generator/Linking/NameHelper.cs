using System.Collections.Generic;
using System.IO;
using System.Text;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>Turns schema names (snake_case keys, titles, file names, enum values) into C# identifiers.</summary>
internal static class NameHelper
{
    private const string SchemaFileSuffix = ".schema.json";

    /// <summary>
    /// "payment_intent" becomes PaymentIntent, "WEB" becomes Web, "checkout.session" becomes CheckoutSession.
    /// Returns null when nothing usable is left (an empty or all-punctuation value).
    /// </summary>
    public static string? ToPascalCase(string text)
    {
        var sb = new StringBuilder(text.Length);
        var wordStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || !char.IsLetterOrDigit(text[i]))
            {
                AppendWord(sb, text, wordStart, i);
                wordStart = i + 1;
            }
        }

        if (sb.Length == 0)
        {
            return null;
        }

        return char.IsDigit(sb[0]) ? "_" + sb : sb.ToString();
    }

    /// <summary>
    /// Whether <see cref="ToPascalCase"/> drops more of <paramref name="text"/> than word separators (WPC021). Only
    /// whitespace and the ASCII separators '-', '_', '.', '/' and ':' (of keys, paths, URNs, media types) split words;
    /// any other character that is not a letter or a decimal digit is lost: an emoji, '€', '+', '@', a combining accent,
    /// a letter outside the Basic Multilingual Plane.
    /// </summary>
    public static bool LosesCharacters(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && c is not ('-' or '_' or '.' or '/' or ':'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>WPC021 when <paramref name="text"/> (<paramref name="what"/>: a title, a key) loses characters on the way to <paramref name="name"/>.</summary>
    public static void ReportLostCharacters(List<DiagnosticInfo> diagnostics, string what, string text, LocationInfo location, string name)
    {
        if (LosesCharacters(text))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameLosesCharacters, location, what, LiteralSpec.String(text).Json, name));
        }
    }

    /// <summary>The type name a schema file's root gets: its title, else its file name.</summary>
    public static string TypeNameForFile(string path, string? title)
        => (title is null ? null : ToPascalCase(title)) ?? ToPascalCase(FileStem(path)) ?? "Schema";

    /// <summary>The static class that holds a file's validators: <c>{TypeName}Schema</c>.</summary>
    public static string SchemaClassName(string path, string? title) => TypeNameForFile(path, title) + "Schema";

    private static string FileStem(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(SchemaFileSuffix, System.StringComparison.OrdinalIgnoreCase)
            ? name.Substring(0, name.Length - SchemaFileSuffix.Length)
            : Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>Appends the word text[start..end): first letter upper case, the rest lower case when the word is all upper case.</summary>
    private static void AppendWord(StringBuilder sb, string text, int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        var allUpper = true;
        for (var i = start; i < end && allUpper; i++)
        {
            allUpper = !char.IsLower(text[i]);
        }

        sb.Append(char.ToUpperInvariant(text[start]));
        if (!allUpper)
        {
            sb.Append(text, start + 1, end - start - 1);
            return;
        }

        for (var i = start + 1; i < end; i++)
        {
            sb.Append(char.ToLowerInvariant(text[i]));
        }
    }

    /// <summary>Makes <paramref name="name"/> unique among <paramref name="taken"/> by adding a number.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
