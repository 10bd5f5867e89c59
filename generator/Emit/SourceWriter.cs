using System;
using System.Text;

namespace WooshPay.Contracts.Generator.Emit;

/// <summary>A small indented text writer for emitting C#; text, not syntax trees, keeps emitters readable.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _sb = new();
    private int _indent;

    public void WriteLine() => _sb.Append('\n');

    /// <summary>Writes one line, or several separated by '\n', each at the current indentation.</summary>
    public void WriteLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                _sb.Append(' ', _indent * IndentSize).Append(line);
            }

            _sb.Append('\n');
        }
    }

    /// <summary>Writes "{" and indents until the returned scope is disposed, which writes "}" + <paramref name="closingSuffix"/>.</summary>
    public IDisposable Block(string? header = null, string closingSuffix = "")
    {
        if (header != null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indent++;
        return new Scope(this, closingSuffix);
    }

    /// <summary>Writes an XML doc &lt;summary&gt; (text escaped), when there is any text.</summary>
    public void WriteSummary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        WriteLine("/// <summary>");
        foreach (var line in text!.Replace("\r\n", "\n").Trim().Split('\n'))
        {
            WriteLine("/// " + EscapeXml(line.TrimEnd()));
        }

        WriteLine("/// </summary>");
    }

    public override string ToString() => _sb.ToString();

    public static string EscapeXml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private sealed class Scope(SourceWriter writer, string closingSuffix) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.WriteLine("}" + closingSuffix);
        }
    }
}
