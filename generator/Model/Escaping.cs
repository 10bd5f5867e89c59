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
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0' when csharp: sb.Append("\\0"); break;
                default:
                    // Surrogates are escaped: a lone one (valid in a JSON string) could not be written as UTF-8 text.
                    if (c < 0x20 || char.IsSurrogate(c) || (csharp && c is '\u2028' or '\u2029' or '\u0085'))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
