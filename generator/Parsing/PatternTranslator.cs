using System.Text;

namespace WooshPay.Contracts.Generator.Parsing;

/// <summary>
/// Rewrites an ECMA-262 pattern (the dialect JSON Schema names) into a .NET pattern with the same
/// meaning where the two differ in ways schemas hit: \d and \w are ASCII-only in ECMA-262
/// (Unicode in .NET), \s also matches U+FEFF, a surrogate pair is one character, Unicode
/// categories are spelled out, and '$' matches only at the very end (.NET also before a final newline).
/// </summary>
internal static class PatternTranslator
{
    public static string ToDotNet(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{')
                {
                    var close = pattern.IndexOf('}', i);
                    if (close > 0)
                    {
                        var name = pattern.Substring(i + 2, close - i - 2);
                        sb.Append('\\').Append(next).Append('{').Append(PropertyName(name)).Append('}');
                        i = close;
                        continue;
                    }
                }

                sb.Append(next switch
                {
                    'd' => inClass ? "0-9" : "[0-9]",
                    'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
                    'D' when !inClass => "[^0-9]",
                    'W' when !inClass => "[^a-zA-Z0-9_]",
                    's' => inClass ? "\\s\\uFEFF" : "[\\s\\uFEFF]",
                    'S' when !inClass => "[^\\s\\uFEFF]",
                    _ => "\\" + next,
                });
                continue;
            }

            // Outside a class, a surrogate pair is one character to a quantifier, as in ECMA-262's unicode mode.
            if (!inClass && char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                sb.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                // In ECMA-262 "[]" matches nothing and "[^]" any character; .NET would read the ']' as a literal.
                if (string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0)
                {
                    sb.Append("(?!)");
                    i++;
                    continue;
                }

                if (string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0)
                {
                    sb.Append("[\\s\\S]");
                    i += 2;
                    continue;
                }

                inClass = true;
            }
            else if (c == '$')
            {
                sb.Append("\\z");
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>ECMA-262 spells Unicode categories out (\p{Letter}); .NET knows the short names (\p{L}).</summary>
    private static string PropertyName(string name) => name switch
    {
        "Letter" => "L",
        "Lowercase_Letter" => "Ll",
        "Uppercase_Letter" => "Lu",
        "Titlecase_Letter" => "Lt",
        "Modifier_Letter" => "Lm",
        "Other_Letter" => "Lo",
        "Mark" => "M",
        "Number" => "N",
        "Decimal_Number" or "digit" => "Nd",
        "Letter_Number" => "Nl",
        "Other_Number" => "No",
        "Punctuation" => "P",
        "Symbol" => "S",
        "Separator" => "Z",
        "Space_Separator" => "Zs",
        "Other" => "C",
        "Control" => "Cc",
        _ => name.StartsWith("General_Category=", System.StringComparison.Ordinal) || name.StartsWith("gc=", System.StringComparison.Ordinal)
            ? PropertyName(name.Substring(name.IndexOf('=') + 1))
            : name,
    };
}
