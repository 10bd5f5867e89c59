using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace WooshPay.Contracts.Generator.Parsing.OpenApi;

/// <summary>
/// Reads the YAML that OpenAPI documents are written in into the same <see cref="JsonValue"/> tree, with spans, that
/// <see cref="JsonTextParser"/> gives, so every later diagnostic points into the YAML text. One document of block
/// mappings and sequences, flow collections, plain, quoted and block (<c>|</c>, <c>&gt;</c>) scalars and comments;
/// plain scalars resolve by the YAML 1.2 core schema (<c>null</c>, <c>true</c>, <c>12</c>, <c>0x1F</c>, <c>1.5e3</c>;
/// anything else is a string, and keys are always strings). What would need more than a JSON value, or is rarely
/// written in an API description (anchors and aliases, tags, complex <c>?</c> keys, directives, several documents,
/// <c>.inf</c>/<c>.nan</c>), is refused as unsupported at its position instead of being guessed at.
/// </summary>
internal sealed class YamlTextParser
{
    private readonly string _text;
    private int _pos;

    private YamlTextParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on failure returns the message, where it happened and whether the YAML was valid but unsupported.</summary>
    public static YamlParseResult Parse(string text)
    {
        var parser = new YamlTextParser(text);
        try
        {
            return new YamlParseResult(parser.ParseDocument(), null, default, false);
        }
        catch (YamlException e)
        {
            return new YamlParseResult(null, e.Message, e.Span, e.Unsupported);
        }
    }

    private JsonValue ParseDocument()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }

        SkipBlankLines();
        if (Peek() == '%')
        {
            throw Unsupported("YAML directives (%YAML, %TAG) are");
        }

        if (AtDocumentMarker("---"))
        {
            _pos += 3;
            SkipSpacesAndComment();
            if (!AtLineEnd())
            {
                throw Unsupported("content on the '---' line is");
            }

            SkipBlankLines();
        }

        if (_pos >= _text.Length || AtDocumentMarker("..."))
        {
            throw Error("the document is empty");
        }

        var root = ParseBlockNode(-1, 0);
        SkipBlankLines();
        if (AtDocumentMarker("..."))
        {
            _pos += 3;
            SkipSpacesAndComment();
            SkipBlankLines();
        }

        if (AtDocumentMarker("---"))
        {
            throw Unsupported("a second document in one file is");
        }

        if (_pos < _text.Length)
        {
            throw Error(Column() > 0 ? "unexpected indentation" : "unexpected text after the end of the document");
        }

        return root;
    }

    /// <summary>
    /// A node that starts at the current position; block collections in it are indented more than <paramref name="parentIndent"/>.
    /// <paramref name="afterKey"/>: on the line of a mapping key, where no block collection may start.
    /// </summary>
    private JsonValue ParseBlockNode(int parentIndent, int depth, bool afterKey = false)
    {
        if (depth > JsonTextParser.MaxDepth)
        {
            throw Error($"nesting is deeper than {JsonTextParser.MaxDepth} levels");
        }

        RejectNodeProperties();
        var column = Column();
        var c = Peek();
        if (c == '-' && IsBlankOrEnd(PeekAt(1)))
        {
            return afterKey ? throw Error("a block sequence cannot start on the line of its key") : ParseBlockSequence(column, depth);
        }

        if (c is '|' or '>')
        {
            return ParseBlockScalar(parentIndent);
        }

        var start = _pos;
        if (c is '[' or '{')
        {
            var flow = ParseFlowNode(depth);
            SkipSpaces();
            if (Peek() == ':')
            {
                throw Unsupported("a collection as a mapping key is");
            }

            return flow;
        }

        if (c is '"' or '\'')
        {
            var quoted = ParseQuoted(parentIndent);
            var end = _pos;
            if (!KeyFollows(ref end))
            {
                return quoted;
            }

            _pos = start;
            return afterKey ? throw NestedMappingOnKeyLine() : ParseBlockMapping(column, depth);
        }

        if (c == '?' && IsBlankOrEnd(PeekAt(1)))
        {
            throw Unsupported("complex mapping keys ('? ') are");
        }

        // A plain scalar, or the first key of a mapping.
        var lineEnd = _pos;
        ScanPlainLine(flow: false, ref lineEnd);
        if (KeyFollows(ref lineEnd))
        {
            return afterKey ? throw NestedMappingOnKeyLine() : ParseBlockMapping(column, depth);
        }

        return ParsePlainScalar(parentIndent, flow: false);
    }

    private YamlException NestedMappingOnKeyLine() => Error("a mapping cannot start on the line of another key (is a ': ' meant to be part of the value? quote it)");

    /// <summary>True when ': ' (a mapping indicator) follows <paramref name="end"/> on its line; moves <paramref name="end"/> onto the ':'.</summary>
    private bool KeyFollows(ref int end)
    {
        var i = end;
        while (i < _text.Length && _text[i] == ' ')
        {
            i++;
        }

        if (i < _text.Length && _text[i] == ':' && (i + 1 >= _text.Length || IsBlankOrEnd(_text[i + 1])))
        {
            end = i;
            return true;
        }

        return false;
    }

    private JsonValue ParseBlockMapping(int column, int depth)
    {
        var start = _pos;
        var members = new List<JsonMember>();
        while (true)
        {
            RejectNodeProperties();
            if (Peek() == '?' && IsBlankOrEnd(PeekAt(1)))
            {
                throw Unsupported("complex mapping keys ('? ') are");
            }

            if (Peek() == '-' && IsBlankOrEnd(PeekAt(1)))
            {
                throw Error("a sequence item where a mapping key was expected");
            }

            var keyStart = _pos;
            string key;
            if (Peek() is '"' or '\'')
            {
                key = ParseQuotedText(column);
            }
            else if (Peek() is '[' or '{')
            {
                throw Unsupported("a collection as a mapping key is");
            }
            else
            {
                var end = _pos;
                ScanPlainLine(flow: false, ref end);
                if (end == _pos)
                {
                    throw Error("a mapping key was expected");
                }

                key = _text.Substring(_pos, end - _pos);
                _pos = end;
            }

            var keySpan = TextSpan.FromBounds(keyStart, _pos);
            SkipSpaces();
            if (!IsMappingIndicator())
            {
                throw Error("':' was expected after the mapping key");
            }

            _pos++;
            members.Add(new JsonMember(key, keySpan, ParseBlockValue(column, depth, inMapping: true)));

            if (!ContinuesAt(column, "unexpected indentation (a mapping key or a value on its own more-indented line was expected)"))
            {
                break;
            }
        }

        return JsonValue.Object(members, TextSpan.FromBounds(start, LastContentEnd()));
    }

    private JsonValue ParseBlockSequence(int column, int depth)
    {
        var start = _pos;
        var items = new List<JsonValue>();
        while (true)
        {
            // On the '- ' of an item: the caller saw the first, the check below each next one.
            _pos++;
            items.Add(ParseBlockValue(column, depth, inMapping: false));

            // A sequence that is the value of a key at its own column ends at the next key.
            if (!ContinuesAt(column, "unexpected indentation") || !(Peek() == '-' && IsBlankOrEnd(PeekAt(1))))
            {
                break;
            }
        }

        return JsonValue.Array(items, TextSpan.FromBounds(start, LastContentEnd()));
    }

    /// <summary>After an entry of a block collection at <paramref name="column"/>: true when the next line holds another entry; deeper indentation is an error.</summary>
    private bool ContinuesAt(int column, string deeper)
    {
        SkipBlankLines();
        if (_pos >= _text.Length || AtDocumentMarker("---") || AtDocumentMarker("..."))
        {
            return false;
        }

        var next = Column();
        return next > column ? throw Error(deeper) : next == column;
    }

    /// <summary>The value after a mapping's ':' or a sequence's '-': on the same line, on more-indented lines, or empty (null).</summary>
    private JsonValue ParseBlockValue(int ownerIndent, int depth, bool inMapping)
    {
        var indicatorEnd = _pos;
        SkipSpacesAndComment();
        if (!AtLineEnd())
        {
            return ParseBlockNode(ownerIndent, depth + 1, afterKey: inMapping);
        }

        var save = _pos;
        SkipBlankLines();
        if (_pos < _text.Length && !AtDocumentMarker("---") && !AtDocumentMarker("..."))
        {
            var column = Column();
            if (column > ownerIndent || (inMapping && column == ownerIndent && Peek() == '-' && IsBlankOrEnd(PeekAt(1))))
            {
                return ParseBlockNode(ownerIndent, depth + 1);
            }
        }

        _pos = save;
        return JsonValue.Literal(JsonKind.Null, new TextSpan(indicatorEnd, 0));
    }

    private JsonValue ParseFlowNode(int depth)
    {
        if (depth > JsonTextParser.MaxDepth)
        {
            throw Error($"nesting is deeper than {JsonTextParser.MaxDepth} levels");
        }

        RejectNodeProperties();
        var start = _pos;
        switch (Peek())
        {
            case '[':
            {
                _pos++;
                var items = new List<JsonValue>();
                while (true)
                {
                    SkipFlowWhitespace();
                    if (Peek() == ']')
                    {
                        _pos++;
                        return JsonValue.Array(items, TextSpan.FromBounds(start, _pos));
                    }

                    items.Add(ParseFlowNode(depth + 1));
                    SkipFlowWhitespace();
                    if (Peek() == ':')
                    {
                        throw Unsupported("a single-pair mapping inside a flow sequence is");
                    }

                    if (!FlowSeparator(']'))
                    {
                        throw Error("',' or ']' was expected");
                    }
                }
            }

            case '{':
            {
                _pos++;
                var members = new List<JsonMember>();
                while (true)
                {
                    SkipFlowWhitespace();
                    if (Peek() == '}')
                    {
                        _pos++;
                        return JsonValue.Object(members, TextSpan.FromBounds(start, _pos));
                    }

                    if (Peek() is '[' or '{')
                    {
                        throw Unsupported("a collection as a mapping key is");
                    }

                    var keyStart = _pos;
                    var key = Peek() is '"' or '\'' ? ParseQuotedText(-1) : FlowPlainText();
                    var keySpan = TextSpan.FromBounds(keyStart, _pos);
                    SkipFlowWhitespace();
                    JsonValue value;
                    if (Peek() == ':')
                    {
                        _pos++;
                        SkipFlowWhitespace();
                        value = Peek() is ',' or '}' ? JsonValue.Literal(JsonKind.Null, new TextSpan(_pos, 0)) : ParseFlowNode(depth + 1);
                    }
                    else
                    {
                        value = JsonValue.Literal(JsonKind.Null, new TextSpan(_pos, 0));
                    }

                    members.Add(new JsonMember(key, keySpan, value));
                    SkipFlowWhitespace();
                    if (!FlowSeparator('}'))
                    {
                        throw Error("',' or '}' was expected");
                    }
                }
            }

            case '"' or '\'':
                return ParseQuoted(-1);
            case ']' or '}' or ',':
                throw Error($"unexpected '{Peek()}'");
            case '\0' when _pos >= _text.Length:
                throw Error("unexpected end of text inside a flow collection");
            default:
                return ParsePlainScalar(-1, flow: true);
        }
    }

    private bool FlowSeparator(char close)
    {
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of text inside a flow collection");
        }

        if (Peek() == ',')
        {
            _pos++;
            return true;
        }

        // The closing bracket is consumed by the caller's loop.
        return Peek() == close;
    }

    private string FlowPlainText()
    {
        var start = _pos;
        var value = ParsePlainScalar(-1, flow: true, resolve: false);
        if (value.Text!.Length == 0)
        {
            _pos = start;
            throw Error("a mapping key was expected");
        }

        return value.Text;
    }

    /// <summary>A plain scalar: the first line, then (outside keys) more-indented continuation lines folded with spaces.</summary>
    private JsonValue ParsePlainScalar(int parentIndent, bool flow, bool resolve = true)
    {
        var start = _pos;
        var c = Peek();
        if (c is '@' or '`' or '%' || (c is ']' or '}' or ',' && !flow) || (c == ':' && !IsPlainSafe(PeekAt(1), flow)))
        {
            throw Error($"a plain scalar cannot start with '{c}'");
        }

        var builder = new StringBuilder();
        var end = _pos;
        ScanPlainLine(flow, ref end);
        builder.Append(_text, _pos, end - _pos);
        _pos = end;
        var contentEnd = end;

        while (true)
        {
            var save = _pos;
            SkipSpaces();
            if (!AtLineBreak())
            {
                _pos = save;
                break;
            }

            // Continuation lines: more indented than the parent (any indentation inside a flow collection).
            var breaks = 0;
            while (AtLineBreak())
            {
                SkipLineBreak();
                breaks++;
                SkipSpaces();
            }

            if (_pos >= _text.Length || Peek() == '#' || (!flow && Column() <= parentIndent) || AtDocumentMarker("---") || AtDocumentMarker("...")
                || (flow && Peek() is ',' or ']' or '}' or ':'))
            {
                _pos = save;
                break;
            }

            var lineEnd = _pos;
            ScanPlainLine(flow, ref lineEnd);
            var keyEnd = lineEnd;
            if (!flow && KeyFollows(ref keyEnd))
            {
                _pos = lineEnd;
                throw Error("a mapping key inside a multi-line plain scalar (is the indentation right?)");
            }

            builder.Append(breaks == 1 ? " " : new string('\n', breaks - 1));
            builder.Append(_text, _pos, lineEnd - _pos);
            _pos = lineEnd;
            contentEnd = lineEnd;
        }

        _pos = contentEnd;
        var span = TextSpan.FromBounds(start, contentEnd);
        var text = builder.ToString();
        return resolve ? Resolve(text, span) : JsonValue.String(text, span);
    }

    /// <summary>Moves <paramref name="end"/> to where a plain scalar's text on this line stops (before a ': ', ' #', or a flow indicator), trailing spaces excluded.</summary>
    private void ScanPlainLine(bool flow, ref int end)
    {
        var lastContent = end;
        while (end < _text.Length)
        {
            var c = _text[end];
            if (c is '\n' or '\r')
            {
                break;
            }

            if (c == ':' && !IsPlainSafe(end + 1 < _text.Length ? _text[end + 1] : '\0', flow))
            {
                break;
            }

            if (c == '#' && end > 0 && _text[end - 1] is ' ' or '\t')
            {
                break;
            }

            if (flow && c is ',' or '[' or ']' or '{' or '}')
            {
                break;
            }

            end++;
            if (c is not (' ' or '\t'))
            {
                lastContent = end;
            }
        }

        end = lastContent;
    }

    private static bool IsPlainSafe(char next, bool flow) => !IsBlankOrEnd(next) && !(flow && next is ',' or '[' or ']' or '{' or '}');

    private JsonValue ParseQuoted(int parentIndent)
    {
        var start = _pos;
        var text = ParseQuotedText(parentIndent);
        return JsonValue.String(text, TextSpan.FromBounds(start, _pos));
    }

    /// <summary>A single- or double-quoted scalar; line breaks fold to a space, empty lines to line feeds.</summary>
    private string ParseQuotedText(int parentIndent)
    {
        var quote = _text[_pos];
        var openAt = _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                _pos = openAt;
                throw Error("unterminated quoted scalar");
            }

            var c = _text[_pos];
            if (c == quote)
            {
                if (quote == '\'' && PeekAt(1) == '\'')
                {
                    builder.Append('\'');
                    _pos += 2;
                    continue;
                }

                _pos++;
                return builder.ToString();
            }

            if (c is '\n' or '\r')
            {
                // Trailing white space of the line goes; one break is a space, each further empty line a line feed.
                var trimmed = builder.Length;
                while (trimmed > 0 && builder[trimmed - 1] is ' ' or '\t')
                {
                    trimmed--;
                }

                builder.Length = trimmed;
                FoldQuotedBreak(builder, parentIndent);
                continue;
            }

            if (quote == '"' && c == '\\')
            {
                ParseEscape(builder, parentIndent);
                continue;
            }

            builder.Append(c);
            _pos++;
        }
    }

    private void FoldQuotedBreak(StringBuilder builder, int parentIndent)
    {
        var breaks = 0;
        while (AtLineBreak())
        {
            SkipLineBreak();
            breaks++;
            SkipSpacesAndTabs();
        }

        if (_pos < _text.Length && (AtDocumentMarker("---") || AtDocumentMarker("...")))
        {
            throw Error("a document marker inside a quoted scalar");
        }

        if (_pos < _text.Length && parentIndent >= 0 && Column() <= parentIndent)
        {
            throw Error("a continuation line of a quoted scalar must be indented more than its parent");
        }

        builder.Append(breaks == 1 ? " " : new string('\n', breaks - 1));
    }

    private void ParseEscape(StringBuilder builder, int parentIndent)
    {
        var escapeAt = _pos;
        _pos++;
        if (_pos >= _text.Length)
        {
            throw Error("unterminated escape sequence");
        }

        var e = _text[_pos++];
        switch (e)
        {
            case '0': builder.Append('\0'); break;
            case 'a': builder.Append('\a'); break;
            case 'b': builder.Append('\b'); break;
            case 't' or '\t': builder.Append('\t'); break;
            case 'n': builder.Append('\n'); break;
            case 'v': builder.Append('\v'); break;
            case 'f': builder.Append('\f'); break;
            case 'r': builder.Append('\r'); break;
            case 'e': builder.Append('\u001B'); break;
            case ' ': builder.Append(' '); break;
            case '"': builder.Append('"'); break;
            case '/': builder.Append('/'); break;
            case '\\': builder.Append('\\'); break;
            case 'N': builder.Append('\u0085'); break;
            case '_': builder.Append('\u00A0'); break;
            case 'L': builder.Append('\u2028'); break;
            case 'P': builder.Append('\u2029'); break;
            case 'x': AppendCodePoint(builder, 2, escapeAt); break;
            case 'u': AppendCodePoint(builder, 4, escapeAt); break;
            case 'U': AppendCodePoint(builder, 8, escapeAt); break;
            case '\n' or '\r':
                // An escaped line break joins the lines without a space.
                _pos--;
                SkipLineBreak();
                SkipSpacesAndTabs();
                while (AtLineBreak())
                {
                    SkipLineBreak();
                    builder.Append('\n');
                    SkipSpacesAndTabs();
                }

                if (_pos < _text.Length && parentIndent >= 0 && Column() <= parentIndent)
                {
                    throw Error("a continuation line of a quoted scalar must be indented more than its parent");
                }

                break;
            default:
                _pos = escapeAt;
                throw Error($"invalid escape sequence '\\{e}'");
        }
    }

    private void AppendCodePoint(StringBuilder builder, int digits, int escapeAt)
    {
        if (_pos + digits > _text.Length
            || !int.TryParse(_text.Substring(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF && digits == 8))
        {
            _pos = escapeAt;
            throw Error($"\\{_text[escapeAt + 1]} must be followed by {digits} hexadecimal digits of a code point");
        }

        builder.Append(code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
        _pos += digits;
    }

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar with its chomping and indentation indicators.</summary>
    private JsonValue ParseBlockScalar(int parentIndent)
    {
        var start = _pos;
        var folded = _text[_pos++] == '>';
        var chomp = '\0';
        var explicitIndent = 0;
        for (var i = 0; i < 2; i++)
        {
            var c = Peek();
            if (c is '-' or '+' && chomp == '\0')
            {
                chomp = c;
                _pos++;
            }
            else if (c is >= '1' and <= '9' && explicitIndent == 0)
            {
                explicitIndent = c - '0';
                _pos++;
            }
        }

        SkipSpacesAndComment();
        if (!AtLineEnd())
        {
            throw Error("only a comment may follow a block scalar's indicators");
        }

        var indent = explicitIndent > 0 ? Math.Max(parentIndent, 0) + explicitIndent : -1;
        var lines = new List<string>();
        var end = _pos;
        if (AtLineBreak())
        {
            SkipLineBreak();
            while (_pos < _text.Length)
            {
                var lineStart = _pos;
                var spaces = 0;
                while (lineStart + spaces < _text.Length && _text[lineStart + spaces] == ' ')
                {
                    spaces++;
                }

                var lineEnd = lineStart + spaces;
                while (lineEnd < _text.Length && _text[lineEnd] is not ('\n' or '\r'))
                {
                    lineEnd++;
                }

                var empty = lineStart + spaces == lineEnd;
                if (indent < 0 && !empty)
                {
                    if (spaces <= parentIndent)
                    {
                        break;
                    }

                    indent = spaces;
                }

                if (!empty && spaces < indent)
                {
                    if (_text[lineStart + spaces] == '\t')
                    {
                        _pos = lineStart + spaces;
                        throw Error("a tab cannot indent a block scalar");
                    }

                    break;
                }

                if (!empty && indent >= 0 && (AtDocumentMarkerAt(lineStart, "---") || AtDocumentMarkerAt(lineStart, "...")))
                {
                    break;
                }

                lines.Add(empty ? (indent >= 0 && spaces > indent ? _text.Substring(lineStart + indent, spaces - indent) : string.Empty) : _text.Substring(lineStart + indent, lineEnd - lineStart - indent));
                if (!empty)
                {
                    end = lineEnd;
                }

                _pos = lineEnd;
                if (!AtLineBreak())
                {
                    break;
                }

                SkipLineBreak();
            }
        }

        // Trailing empty lines belong to the chomping, not the content.
        var contentLines = lines.Count;
        while (contentLines > 0 && lines[contentLines - 1].Length == 0)
        {
            contentLines--;
        }

        var builder = new StringBuilder();
        var previous = -1;
        for (var i = 0; i < contentLines; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            // Empty lines between are line feeds; the break itself folds to a space between two plain lines of '>'.
            var empties = i - previous - 1;
            if (previous < 0)
            {
                builder.Append('\n', empties);
            }
            else if (folded && !IsMoreIndented(lines[previous]) && !IsMoreIndented(line))
            {
                builder.Append(empties == 0 ? " " : new string('\n', empties));
            }
            else
            {
                builder.Append('\n', empties + 1);
            }

            builder.Append(line);
            previous = i;
        }

        if (contentLines > 0 && chomp != '-')
        {
            builder.Append('\n');
        }

        if (chomp == '+')
        {
            builder.Append('\n', lines.Count - contentLines);
        }

        return JsonValue.String(builder.ToString(), TextSpan.FromBounds(start, Math.Max(end, start + 1)));
    }

    private static bool IsMoreIndented(string line) => line[0] is ' ' or '\t';

    /// <summary>The YAML 1.2 core schema for a plain scalar: null, booleans, integers (decimal, 0o, 0x) and floats; else a string.</summary>
    private JsonValue Resolve(string text, TextSpan span)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return JsonValue.Literal(JsonKind.Null, span);
            case "true" or "True" or "TRUE":
                return JsonValue.Literal(JsonKind.True, span);
            case "false" or "False" or "FALSE":
                return JsonValue.Literal(JsonKind.False, span);
        }

        var radix = text.Length > 2 && text[0] == '0' ? text[1] switch { 'x' => 16, 'o' => 8, _ => 0 } : 0;
        if (radix > 0 && text.Skip(2).All(c => radix == 16 ? Uri.IsHexDigit(c) : c is >= '0' and <= '7'))
        {
            var value = BigInteger.Zero;
            for (var i = 2; i < text.Length; i++)
            {
                value = (value * radix) + Uri.FromHex(text[i]);
            }

            return JsonValue.Number(value.ToString(CultureInfo.InvariantCulture), span);
        }

        if (IsYamlNumber(text, out var json))
        {
            return JsonValue.Number(json, span);
        }

        var bare = text.TrimStart('+', '-');
        if (bare is ".inf" or ".Inf" or ".INF" or ".nan" or ".NaN" or ".NAN")
        {
            throw new YamlException($"'{text}' has no JSON value", span, unsupported: true);
        }

        return JsonValue.String(text, span);
    }

    /// <summary>
    /// <c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, rewritten as JSON number text
    /// (no '+', no leading zeros, digits on both sides of the point).
    /// </summary>
    private static bool IsYamlNumber(string text, out string json)
    {
        json = string.Empty;
        var i = 0;
        var builder = new StringBuilder();
        if (i < text.Length && text[i] is '-' or '+')
        {
            if (text[i] == '-')
            {
                builder.Append('-');
            }

            i++;
        }

        var intStart = i;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        var integer = text.Substring(intStart, i - intStart).TrimStart('0');
        var hadInteger = i > intStart;
        builder.Append(integer.Length == 0 ? "0" : integer);
        var hadFraction = false;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fractionStart = i;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
            }

            hadFraction = i > fractionStart;
            if (!hadInteger && !hadFraction)
            {
                return false;
            }

            builder.Append('.').Append(hadFraction ? text.Substring(fractionStart, i - fractionStart) : "0");
        }

        if (!hadInteger && !hadFraction)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            builder.Append(text[i]);
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                builder.Append(text[i]);
                i++;
            }

            var exponentStart = i;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            builder.Append(text, exponentStart, i - exponentStart);
        }

        json = builder.ToString();
        return i == text.Length;
    }

    private void RejectNodeProperties()
    {
        switch (Peek())
        {
            case '&':
                throw Unsupported("anchors ('&') are");
            case '*':
                throw Unsupported("aliases ('*') are");
            case '!':
                throw Unsupported("tags ('!') are");
        }
    }

    private bool IsMappingIndicator() => Peek() == ':' && IsBlankOrEnd(PeekAt(1));

    private int Column()
    {
        var column = 0;
        while (_pos - column - 1 >= 0 && _text[_pos - column - 1] is not ('\n' or '\r'))
        {
            column++;
        }

        return column;
    }

    /// <summary>The end of the last non-blank text before the current position (a collection's span ends there, not at the next line).</summary>
    private int LastContentEnd()
    {
        var end = _pos;
        while (end > 0 && _text[end - 1] is ' ' or '\t' or '\n' or '\r')
        {
            end--;
        }

        return end;
    }

    /// <summary>Skips empty lines, comment lines and the indentation of the next content line; a tab in the indentation is an error.</summary>
    private void SkipBlankLines()
    {
        var afterValue = !OnlySpacesBefore();
        while (_pos < _text.Length)
        {
            if (afterValue)
            {
                SkipSpacesAndTabs();
            }
            else
            {
                SkipSpaces();
            }

            if (Peek() == '#' && (_pos == 0 || _text[_pos - 1] is ' ' or '\t' or '\n' or '\r' || OnlySpacesBefore()))
            {
                SkipToLineEnd();
            }

            if (AtLineBreak())
            {
                SkipLineBreak();
                afterValue = false;
                continue;
            }

            if (afterValue && _pos < _text.Length)
            {
                throw Error("unexpected text after the value");
            }

            if (Peek() == '\t')
            {
                var tab = _pos;
                SkipSpacesAndTabs();
                if (AtLineBreak() || _pos >= _text.Length || Peek() == '#')
                {
                    continue;
                }

                _pos = tab;
                throw Error("a tab cannot indent YAML; use spaces");
            }

            return;
        }
    }

    private bool OnlySpacesBefore()
    {
        var i = _pos;
        while (i > 0 && _text[i - 1] == ' ')
        {
            i--;
        }

        return i == 0 || _text[i - 1] is '\n' or '\r';
    }

    private void SkipSpacesAndComment()
    {
        SkipSpacesAndTabs();
        if (Peek() == '#')
        {
            SkipToLineEnd();
        }
    }

    private void SkipFlowWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
            else if (c == '#' && (_pos == 0 || _text[_pos - 1] is ' ' or '\t' or '\n' or '\r'))
            {
                SkipToLineEnd();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipSpaces()
    {
        while (Peek() == ' ')
        {
            _pos++;
        }
    }

    private void SkipSpacesAndTabs()
    {
        while (Peek() is ' ' or '\t')
        {
            _pos++;
        }
    }

    private void SkipToLineEnd()
    {
        while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r'))
        {
            _pos++;
        }
    }

    private bool AtLineBreak() => Peek() is '\n' or '\r';

    private bool AtLineEnd() => _pos >= _text.Length || AtLineBreak();

    private void SkipLineBreak()
    {
        if (Peek() == '\r')
        {
            _pos++;
        }

        if (Peek() == '\n')
        {
            _pos++;
        }
    }

    private bool AtDocumentMarker(string marker) => Column() == 0 && AtDocumentMarkerAt(_pos, marker);

    private bool AtDocumentMarkerAt(int position, string marker)
        => string.CompareOrdinal(_text, position, marker, 0, 3) == 0 && (position + 3 >= _text.Length || IsBlankOrEnd(_text[position + 3]));

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private char PeekAt(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private static bool IsBlankOrEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\0';

    private YamlException Error(string message) => new(message, Here(), unsupported: false);

    private YamlException Unsupported(string what) => new(what + " not supported", Here(), unsupported: true);

    private TextSpan Here() => _pos < _text.Length ? new TextSpan(_pos, 1) : new TextSpan(_text.Length, 0);

    private sealed class YamlException(string message, TextSpan span, bool unsupported) : Exception(message)
    {
        public TextSpan Span { get; } = span;

        public bool Unsupported { get; } = unsupported;
    }
}

/// <summary>The outcome of <see cref="YamlTextParser.Parse"/>: a value, or an error, where it is, and whether it is valid YAML the reader does not support.</summary>
internal readonly record struct YamlParseResult(JsonValue? Value, string? Error, TextSpan ErrorSpan, bool Unsupported);
