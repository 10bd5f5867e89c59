using System.Text;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Emit;

/// <summary>C# literal text for values written into generated code.</summary>
internal static class CSharpLiteral
{
    /// <summary>A regular (not verbatim) C# string literal, every character that needs it escaped.</summary>
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        // Most values need no escape: quoting them needs no builder.
        if (Escaping.IsPlain(value, csharp: true))
        {
            return "\"" + value + "\"";
        }

        var sb = new StringBuilder(value.Length + 2);
        Escaping.AppendQuoted(sb, value, csharp: true);
        return sb.ToString();
    }

    public static string Bool(bool value) => value ? "true" : "false";
}
