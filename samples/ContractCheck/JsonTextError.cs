using System.Text;
using System.Text.Json;

/// <summary>Describes a System.Text.Json parse failure in the toolkit's words: 1-based line and column, in characters.</summary>
internal static class JsonTextError
{
    /// <summary>"line 3, column 14: 'x' is an invalid start of a value." for <paramref name="error"/> in <paramref name="utf8"/>.</summary>
    public static string Describe(ReadOnlySpan<byte> utf8, JsonException error)
    {
        // The exception's message ends with its own zero-based "LineNumber: 0 | BytePositionInLine: 0."; say it once, 1-based.
        var message = error.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        if (error.LineNumber is not long line || error.BytePositionInLine is not long bytes)
        {
            return message;
        }

        // BytePositionInLine counts UTF-8 bytes; a column counts characters, so decode the line up to that byte.
        var lineStart = 0;
        for (var i = 0L; i < line && lineStart < utf8.Length; i++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? utf8.Length : lineStart + next + 1;
        }

        var prefix = utf8[lineStart..][..(int)Math.Min(bytes, utf8.Length - lineStart)];
        return $"line {line + 1}, column {Encoding.UTF8.GetCharCount(prefix) + 1}: {message}";
    }
}
