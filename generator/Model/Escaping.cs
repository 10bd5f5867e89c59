using System.Globalization;
using System.Text;

namespace WooshPay.Contracts.Generator.Model;

/// <summary>
/// Quoted, backslash-escaped text: JSON strings (enum and const values in messages) and C# regular string literals
/// (generated code) escape the same characters, except the few C# has shorter or extra forms for.
/// </summary>
internal static class Escaping
{
    public static void AppendQuoted(StringBuilder sb, string text, bool csharp)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            if (!NeedsEscape(c, csharp))
            {
                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0' when csharp: sb.Append("\\0"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Whether <paramref name="text"/> has no character that <see cref="AppendQuoted"/> escapes.</summary>
    public static bool IsPlain(string text, bool csharp)
    {
        foreach (var c in text)
        {
            if (NeedsEscape(c, csharp))
            {
                return false;
            }
        }

        return true;
    }

    /// <remarks>Surrogates are escaped: a lone one (valid in a JSON string) could not be written as UTF-8 text.</remarks>
    private static bool NeedsEscape(char c, bool csharp)
        => c is '"' or '\\' || c < 0x20 || char.IsSurrogate(c) || (csharp && c is '\u2028' or '\u2029' or '\u0085');
}
