using System.Text;

namespace WooshPay.Contracts.Generator.Parsing;

/// <summary>
/// Rewrites an ECMA-262 pattern (the dialect JSON Schema names) into a .NET pattern with the same
/// meaning where the two differ in ways schemas hit: \d and \w are ASCII-only in ECMA-262
/// (Unicode in .NET), and '$' matches only at the very end (.NET also before a final newline).
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
                sb.Append(next switch
                {
                    'd' => inClass ? "0-9" : "[0-9]",
                    'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
                    'D' when !inClass => "[^0-9]",
                    'W' when !inClass => "[^a-zA-Z0-9_]",
                    _ => "\\" + next,
                });
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                // A ']' right after '[' or '[^' is a literal in .NET; in ECMA-262 "[]" is an empty class.
                continue;
            }
            else if (c == '$')
            {
                sb.Append("(?!\\n)$");
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
