using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace WooshPay.Contracts.Generator.Parsing;

/// <summary>
/// A strict RFC 8259 parser that records where every value stands. The generator cannot use
/// System.Text.Json's document model for this: it does not expose positions, and diagnostics
/// must point at the offending token in the schema file.
/// </summary>
internal sealed class JsonTextParser
{
    /// <summary>Nesting deeper than this is rejected rather than risking the compiler's stack.</summary>
    public const int MaxDepth = 256;

    private readonly string _text;
    private int _pos;

    private JsonTextParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on failure returns the message and where it happened.</summary>
    public static JsonParseResult Parse(string text)
    {
        var parser = new JsonTextParser(text);
        try
        {
            parser.SkipWhitespace();
            var value = parser.ParseValue(0);
            parser.SkipWhitespace();
            if (parser._pos < text.Length)
            {
                throw parser.Error("unexpected text after the end of the JSON value");
            }

            return new JsonParseResult(value, null, default);
        }
        catch (JsonSyntaxException e)
        {
            return new JsonParseResult(null, e.Message, e.Span);
        }
    }

    private JsonValue ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nesting is deeper than {MaxDepth} levels");
        }

        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of text, a value was expected");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                var start = _pos;
                var s = ParseString();
                return JsonValue.String(s, TextSpan.FromBounds(start, _pos));
            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw Error($"unexpected character '{c}'");
        }
    }

    private JsonValue ParseObject(int depth)
    {
        var start = _pos++;
        var members = new List<JsonMember>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return JsonValue.Object(members, TextSpan.FromBounds(start, _pos));
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("a property name in double quotes was expected");
            }

            var nameStart = _pos;
            var name = ParseString();
            var nameSpan = TextSpan.FromBounds(nameStart, _pos);
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            members.Add(new JsonMember(name, nameSpan, ParseValue(depth + 1)));
            SkipWhitespace();
            var next = Peek();
            _pos++;
            if (next == '}')
            {
                return JsonValue.Object(members, TextSpan.FromBounds(start, _pos));
            }

            if (next != ',')
            {
                _pos--;
                throw Error("',' or '}' was expected");
            }
        }
    }

    private JsonValue ParseArray(int depth)
    {
        var start = _pos++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return JsonValue.Array(items, TextSpan.FromBounds(start, _pos));
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            _pos++;
            if (next == ']')
            {
                return JsonValue.Array(items, TextSpan.FromBounds(start, _pos));
            }

            if (next != ',')
            {
                _pos--;
                throw Error("',' or ']' was expected");
            }
        }
    }

    private string ParseString()
    {
        _pos++; // opening quote

        // Most strings have no escape: they are a piece of the text as it stands, with no builder needed.
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] is not ('"' or '\\') && _text[_pos] >= 0x20)
        {
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] == '"')
        {
            var plain = _text.Substring(start, _pos - start);
            _pos++; // closing quote
            return plain;
        }

        var sb = new StringBuilder(_text, start, _pos - start, _pos - start + 16);
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c < 0x20)
            {
                _pos--;
                throw Error("control characters must be escaped inside strings");
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw Error("unterminated escape sequence");
            }

            var e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("\\u must be followed by four hexadecimal digits");
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos -= 2;
                    throw Error($"invalid escape sequence '\\{e}'");
            }
        }
    }

    private JsonValue ParseNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Error("a digit was expected");
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw Error("a digit was expected after the decimal point");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error("a digit was expected in the exponent");
            }

            SkipDigits();
        }

        return JsonValue.Number(_text.Substring(start, _pos - start), TextSpan.FromBounds(start, _pos));
    }

    private JsonValue ParseLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error($"unexpected character '{_text[_pos]}'");
        }

        var start = _pos;
        _pos += literal.Length;
        return JsonValue.Literal(kind, TextSpan.FromBounds(start, _pos));
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"'{c}' was expected");
        }

        _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _pos++;
        }
    }

    private void SkipWhitespace()
    {
        // A UTF-8 byte order mark at the very start is tolerated, as editors write one.
        if (_pos == 0 && _text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos++;
        }

        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private JsonSyntaxException Error(string message)
    {
        var start = _pos < _text.Length ? _pos : _text.Length;
        var length = _pos < _text.Length ? 1 : 0;
        return new JsonSyntaxException(message, new TextSpan(start, length));
    }

    private sealed class JsonSyntaxException(string message, TextSpan span) : System.Exception(message)
    {
        public TextSpan Span { get; } = span;
    }
}

/// <summary>The outcome of <see cref="JsonTextParser.Parse"/>: a value, or an error and where it is.</summary>
internal readonly record struct JsonParseResult(JsonValue? Value, string? Error, TextSpan ErrorSpan);
