using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>
/// Renders a parsed model as indented "Name (C# type) = value" lines, so a snapshot shows the typed
/// view a consumer gets (enum constants known or not, nested models, kept unknown properties).
/// </summary>
public static class ModelDump
{
    public static string Render(object model)
    {
        var sb = new StringBuilder();
        Write(sb, model, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object model, int depth)
    {
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(model);
            if (value is null)
            {
                continue;
            }

            sb.Append(' ', depth * 2).Append(property.Name).Append(" (").Append(TypeName(property.PropertyType)).Append(") = ");
            WriteValue(sb, value, depth);
        }
    }

    private static void WriteValue(StringBuilder sb, object value, int depth)
    {
        var type = value.GetType();
        switch (value)
        {
            case string s:
                sb.AppendLine(JsonSerializer.Serialize(s, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return;
            case JsonElement element:
                sb.AppendLine(element.GetRawText());
                return;
            case bool or long or int or double:
                sb.AppendLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case IDictionary dictionary:
                sb.AppendLine("{");
                foreach (DictionaryEntry entry in dictionary)
                {
                    sb.Append(' ', (depth + 1) * 2).Append('[').Append(entry.Key).Append("] = ");
                    WriteValue(sb, entry.Value!, depth + 1);
                }

                sb.Append(' ', depth * 2).AppendLine("}");
                return;
            case IEnumerable list:
                sb.AppendLine("[");
                var index = 0;
                foreach (var item in list)
                {
                    sb.Append(' ', (depth + 1) * 2).Append('[').Append(index++).Append("] = ");
                    WriteValue(sb, item!, depth + 1);
                }

                sb.Append(' ', depth * 2).AppendLine("]");
                return;
        }

        if (type.IsValueType && type.GetProperty("IsKnown") is { } isKnown)
        {
            sb.Append('"').Append(type.GetProperty("Value")!.GetValue(value)).Append('"')
                .AppendLine((bool)isKnown.GetValue(value)! ? " (known)" : " (unknown)");
            return;
        }

        sb.AppendLine("{");
        Write(sb, value, depth + 1);
        sb.Append(' ', depth * 2).AppendLine("}");
    }

    private static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying != null)
        {
            return TypeName(underlying) + "?";
        }

        return type.IsGenericType
            ? type.Name.Substring(0, type.Name.IndexOf('`')) + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">"
            : type.Name;
    }
}
