using System.Globalization;
using System.Text;

namespace WooshPay.Contracts.Generator.Parsing;

/// <summary>Writes a parsed value back as compact JSON (for enum and const values emitted into code).</summary>
internal static class CanonicalJson
{
    public static string Write(JsonValue value)
    {
        var sb = new StringBuilder();
        Write(value, sb);
        return sb.ToString();
    }

    private static void Write(JsonValue value, StringBuilder sb)
    {
        switch (value.Kind)
        {
            case JsonKind.Object:
                sb.Append('{');
                for (var i = 0; i < value.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    WriteString(value.Members[i].Name, sb);
                    sb.Append(':');
                    Write(value.Members[i].Value, sb);
                }

                sb.Append('}');
                break;
            case JsonKind.Array:
                sb.Append('[');
                for (var i = 0; i < value.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(value.Items[i], sb);
                }

                sb.Append(']');
                break;
            case JsonKind.String:
                WriteString(value.Text!, sb);
                break;
            case JsonKind.Number:
                sb.Append(value.Text);
                break;
            case JsonKind.True:
                sb.Append("true");
                break;
            case JsonKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void WriteString(string text, StringBuilder sb)
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
                default:
                    // Surrogates are escaped: a lone one (valid in a JSON string) could not be written as UTF-8 text.
                    if (c < 0x20 || char.IsSurrogate(c))
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
