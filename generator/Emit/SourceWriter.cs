using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace WooshPay.Contracts.Generator.Emit;

/// <summary>A small indented text writer for emitting C#; text, not syntax trees, keeps emitters readable.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    /// <summary>A builder larger than this (512 KB) is let go rather than kept: at most one block this size stays on each thread of the compiler process.</summary>
    private const int MaxSpareCapacity = 256 * 1024;

    /// <summary>Every character C# treats as a line break.</summary>
    private static readonly char[] s_lineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    /// <summary>
    /// The builder of the last writer emptied on this thread, for the next one: a large document emits thousands of
    /// sources, and a fresh builder per source allocated about as much again in the chunks it grew through (the largest
    /// sources, past <see cref="MaxSpareCapacity"/>, still grow their own).
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? t_spare;

    private StringBuilder? _builder;
    private int _indent;

    /// <summary>True while a <see cref="LineHandler"/> line is being built, when nothing else may be written.</summary>
    private bool _lineOpen;

    private StringBuilder Builder => _builder ??= TakeSpare();

    public void WriteLine() => AppendLine(string.Empty);

    /// <summary>Writes one line, or several separated by '\n', each at the current indentation.</summary>
    public void WriteLine(string text)
    {
        // Nearly every text is a single line: it needs no normalizing and no splitting.
        if (text.IndexOfAny(s_lineBreaks) < 0)
        {
            AppendLine(text);
            return;
        }

        foreach (var line in NormalizeLineBreaks(text).Split('\n'))
        {
            AppendLine(line);
        }
    }

    /// <summary>The place where the next line goes, at its indentation, for a line <see cref="InsertLine"/> writes there later.</summary>
    public (int Position, int Indent) Mark() => (Builder.Length, _indent);

    /// <summary>Writes <paramref name="line"/> at <paramref name="mark"/>: a declaration the code after it turned out to need.</summary>
    public void InsertLine((int Position, int Indent) mark, string line)
    {
        // The text after the mark (one method's) is taken out and written again after the line: StringBuilder.Insert
        // into a builder of many chunks allocated about as much as the whole output again on Stripe's document.
        var builder = Builder;
        var after = builder.ToString(mark.Position, builder.Length - mark.Position);
        builder.Length = mark.Position;
        builder.Append(' ', mark.Indent * IndentSize).Append(line).Append('\n').Append(after);
    }

    /// <summary>
    /// Writes one line made by an interpolated string straight into the output, at the current indentation: no string
    /// of its own for every emitted line (on a large document those were about a third of the generator's garbage).
    /// A value holding a line break takes <see cref="WriteLine(string)"/>'s path, which splits it into lines.
    /// </summary>
    public void WriteLine([InterpolatedStringHandlerArgument("")] ref LineHandler line) => line.End();

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

    /// <summary>
    /// Writes <paramref name="head"/> and <c>new string[] { ... }</c> with one literal a line, then <paramref name="closingSuffix"/>:
    /// a large set of values costs the compiler no more than its text.
    /// </summary>
    public void WriteStrings(string head, System.Collections.Generic.IEnumerable<string> values, string closingSuffix)
    {
        using (Block(head + "new string[]", closingSuffix))
        {
            foreach (var value in values)
            {
                WriteLine(CSharpLiteral.String(value) + ",");
            }
        }
    }

    /// <summary>Writes an XML doc &lt;summary&gt; (text escaped), when there is any text.</summary>
    public void WriteSummary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        WriteLine("/// <summary>");
        foreach (var line in NormalizeLineBreaks(text!).Trim().Split('\n'))
        {
            WriteLine("/// " + EscapeXml(line.TrimEnd()));
        }

        WriteLine("/// </summary>");
    }

    /// <summary>The text written so far; an emitter's last call is <see cref="ToStringAndClear"/>.</summary>
    public override string ToString() => _builder?.ToString() ?? string.Empty;

    /// <summary>Returns the text written and empties the writer, handing its builder on to the next writer on this thread.</summary>
    public string ToStringAndClear()
    {
        if (_builder is null)
        {
            return string.Empty;
        }

        var text = _builder.ToString();
        if (_builder.Capacity <= MaxSpareCapacity)
        {
            t_spare = _builder.Clear();
        }

        _builder = null;
        _indent = 0;
        return text;
    }

    private static StringBuilder TakeSpare()
    {
        var builder = t_spare ?? new StringBuilder();
        t_spare = null;
        return builder;
    }

    private void AppendLine(string line)
    {
        EnsureNoOpenLine();
        var builder = Builder;
        if (line.Length > 0)
        {
            builder.Append(' ', _indent * IndentSize).Append(line);
        }

        builder.Append('\n');
    }

    private void EnsureNoOpenLine()
    {
        if (_lineOpen)
        {
            // An emitter bug, which the snapshot tests catch: a value of an interpolated line wrote lines of its own.
            throw new System.InvalidOperationException("A line was written while an interpolated line was being built: take the value before the line.");
        }
    }

    /// <summary>Escapes text for an XML doc comment; line breaks become spaces so the text stays inside its comment line.</summary>
    public static string EscapeXml(string text)
        => NormalizeLineBreaks(text).Replace('\n', ' ').Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Every character C# treats as a line break (\r, \u0085, \u2028, \u2029 as well as \n) becomes \n, so text from a
    /// schema can never end a comment line early and turn into code.
    /// </summary>
    private static string NormalizeLineBreaks(string text)
        => text.IndexOfAny(s_lineBreaks) < 0
            ? text
            : text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');

    /// <summary>The builder of <see cref="WriteLine(ref LineHandler)"/>: the line's parts appended as they come.</summary>
    [InterpolatedStringHandler]
    public ref struct LineHandler
    {
        private readonly SourceWriter _writer;
        private readonly StringBuilder _builder;
        private readonly int _start;
        private readonly int _textStart;
        private bool _breaks;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            writer.EnsureNoOpenLine();
            _writer = writer;
            _builder = writer.Builder;
            _start = _builder.Length;
            _builder.Append(' ', writer._indent * IndentSize);
            _textStart = _builder.Length;
            _breaks = false;
            writer._lineOpen = true;
        }

        public void AppendLiteral(string text) => AppendFormatted(text);

        public void AppendFormatted(string? text)
        {
            if (text is null)
            {
                return;
            }

            _breaks |= text.IndexOfAny(s_lineBreaks) >= 0;
            _builder.Append(text);
        }

        /// <summary>A number or other value, formatted as C# reads it (the invariant culture).</summary>
        public void AppendFormatted<T>(T value)
            => AppendFormatted(value is System.IFormattable formattable ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString());

        /// <summary>Ends the line: an empty one carries no indentation, and one with a line break in it is written again, split.</summary>
        internal void End()
        {
            _writer._lineOpen = false;
            if (_breaks)
            {
                var text = _builder.ToString(_textStart, _builder.Length - _textStart);
                _builder.Length = _start;
                _writer.WriteLine(text);
                return;
            }

            if (_builder.Length == _textStart)
            {
                _builder.Length = _start;
            }

            _builder.Append('\n');
        }
    }

    private sealed class Scope(SourceWriter writer, string closingSuffix) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.WriteLine("}" + closingSuffix);
        }
    }
}
