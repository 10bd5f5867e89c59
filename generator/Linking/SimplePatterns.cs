using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Decides which ECMA-262 patterns the compiled validator matches with a loop over the UTF-8 bytes instead of a Regex:
/// anchored at both ends (<c>^...$</c>), ASCII literals and classes only (<c>[a-z0-9_]</c>, <c>\d</c>, <c>\w</c>),
/// quantifiers, alternation and <c>(...)?</c> groups that expand to at most <see cref="MaxAlternatives"/> sequences.
/// A sequence qualifies when each step of variable length is the last or is followed by a step that must start with a
/// character it cannot take: then taking as many characters as possible is the only way to match, so no backtracking is
/// needed and the loop's answer is the regex's. Everything else stays a Regex.
/// </summary>
internal static class SimplePatterns
{
    private const int MaxAlternatives = 16;

    /// <summary>The pattern as byte-loop steps, or null when it needs a Regex.</summary>
    public static PatternSpec? Plan(string pattern)
    {
        if (pattern.Length < 2 || pattern[0] != '^' || pattern[pattern.Length - 1] != '$')
        {
            return null;
        }

        // A top-level "|" would split the anchors (^a|b$ is (^a)|(b$)): only a whole sequence qualifies.
        var parser = new Parser(pattern.Substring(1, pattern.Length - 2));
        var alternatives = parser.Sequence();
        if (alternatives is null || !parser.AtEnd || alternatives.Any(a => !IsDeterministic(a)))
        {
            return null;
        }

        return new PatternSpec(pattern, alternatives.Select(a => a.ToEquatableArray()).ToEquatableArray());
    }

    /// <summary>
    /// Whether <paramref name="text"/> matches the plan, decided here at generation time as the emitted loop decides it at
    /// run time: each step takes as many characters of its class as it may, and some alternative must end with the text.
    /// </summary>
    public static bool Matches(PatternSpec plan, string text)
    {
        foreach (var steps in plan.Alternatives)
        {
            var at = 0;
            var matched = true;
            foreach (var step in steps)
            {
                var taken = 0;
                while (taken < step.Max && at < text.Length && InRanges(step.Ranges, text[at]))
                {
                    taken++;
                    at++;
                }

                if (taken < step.Min)
                {
                    matched = false;
                    break;
                }
            }

            if (matched && at == text.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InRanges(string ranges, char c)
    {
        for (var i = 0; i < ranges.Length; i += 2)
        {
            if (ranges[i] <= c && c <= ranges[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeterministic(List<PatternStep> steps)
    {
        for (var i = 0; i < steps.Count - 1; i++)
        {
            var step = steps[i];
            var next = steps[i + 1];
            if (step.Min != step.Max && (next.Min == 0 || Overlaps(step.Ranges, next.Ranges)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Overlaps(string a, string b)
    {
        for (var i = 0; i < a.Length; i += 2)
        {
            for (var j = 0; j < b.Length; j += 2)
            {
                if (a[i] <= b[j + 1] && b[j] <= a[i + 1])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A recursive-descent reader of the supported subset; any other syntax gives null.</summary>
    private sealed class Parser
    {
        private readonly string _text;
        private int _at;

        public Parser(string text) => _text = text;

        public bool AtEnd => _at == _text.Length;

        /// <summary>alternatives = sequence ( "|" sequence )*</summary>
        public List<List<PatternStep>>? Alternatives()
        {
            var result = new List<List<PatternStep>>();
            while (true)
            {
                var sequence = Sequence();
                if (sequence is null)
                {
                    return null;
                }

                result.AddRange(sequence);
                if (result.Count > MaxAlternatives)
                {
                    return null;
                }

                if (_at < _text.Length && _text[_at] == '|')
                {
                    _at++;
                    continue;
                }

                return result;
            }
        }

        /// <summary>sequence = part*, each part a quantified atom or a group; returns the sequence's expansions.</summary>
        public List<List<PatternStep>>? Sequence()
        {
            var expansions = new List<List<PatternStep>> { new() };
            while (_at < _text.Length && _text[_at] != '|' && _text[_at] != ')')
            {
                List<List<PatternStep>>? part;
                if (_text[_at] == '(')
                {
                    part = Group();
                }
                else
                {
                    var ranges = Atom();
                    var quantifier = ranges is null ? null : Quantifier();
                    part = quantifier is var (min, max)
                        ? new List<List<PatternStep>> { new() { new PatternStep(ranges!, min, max) } }
                        : null;
                }

                if (part is null || expansions.Count * part.Count > MaxAlternatives)
                {
                    return null;
                }

                expansions = expansions.SelectMany(prefix => part.Select(tail => prefix.Concat(tail).ToList())).ToList();
            }

            return expansions;
        }

        /// <summary>group = "(" [ "?:" ] alternatives ")" [ "?" ]</summary>
        private List<List<PatternStep>>? Group()
        {
            _at++;
            if (_at < _text.Length && _text[_at] == '?')
            {
                if (_at + 1 >= _text.Length || _text[_at + 1] != ':')
                {
                    return null;
                }

                _at += 2;
            }

            var inner = Alternatives();
            if (inner is null || _at >= _text.Length || _text[_at] != ')')
            {
                return null;
            }

            _at++;
            if (_at < _text.Length && _text[_at] == '?')
            {
                _at++;
                inner.Add(new List<PatternStep>());
            }

            // Other quantifiers on a group repeat a choice: not a fixed set of sequences.
            return _at < _text.Length && _text[_at] is '*' or '+' or '{' or '?' ? null : inner;
        }

        /// <summary>An ASCII literal, escape or class, as inclusive range pairs ("az09__").</summary>
        private string? Atom()
        {
            var c = _text[_at++];
            switch (c)
            {
                case '[':
                    return Class();
                case '\\':
                    return _at < _text.Length ? Escape(_text[_at++]) : null;
                case '.' or '*' or '+' or '?' or '{' or '}' or ']' or '^' or '$':
                    return null;
                default:
                    return IsPrintableAscii(c) ? new string(c, 2) : null;
            }
        }

        /// <summary>class = "[" ( char [ "-" char ] )+ "]", no negation.</summary>
        private string? Class()
        {
            if (_at >= _text.Length || _text[_at] is '^' or ']')
            {
                return null;
            }

            var ranges = new System.Text.StringBuilder();
            while (_at < _text.Length && _text[_at] != ']')
            {
                var low = ClassChar();
                if (low is null)
                {
                    return null;
                }

                if (low.Length == 2 && low[0] == low[1] && _at + 1 < _text.Length && _text[_at] == '-' && _text[_at + 1] != ']')
                {
                    _at++;
                    var high = ClassChar();
                    if (high is null || high.Length != 2 || high[0] != high[1] || high[0] < low[0])
                    {
                        return null;
                    }

                    ranges.Append(low[0]).Append(high[0]);
                }
                else
                {
                    ranges.Append(low);
                }
            }

            if (_at >= _text.Length)
            {
                return null;
            }

            _at++;
            return ranges.ToString();
        }

        private string? ClassChar()
        {
            var c = _text[_at++];
            if (c == '\\')
            {
                return _at < _text.Length ? Escape(_text[_at++]) : null;
            }

            return IsPrintableAscii(c) && c != '[' ? new string(c, 2) : null;
        }

        /// <summary>\d and \w are ASCII in ECMA-262 (without the u and i flags); a backslash before punctuation is that character.</summary>
        private static string? Escape(char c) => c switch
        {
            'd' => "09",
            'w' => "09AZ__az",
            _ when IsPrintableAscii(c) && !char.IsLetterOrDigit(c) => new string(c, 2),
            _ => null,
        };

        /// <summary>quantifier = "?" / "*" / "+" / "{n}" / "{n,}" / "{n,m}", greedy (a lazy one is left to the Regex).</summary>
        private (int Min, int Max)? Quantifier()
        {
            if (_at >= _text.Length)
            {
                return (1, 1);
            }

            (int, int)? result;
            switch (_text[_at])
            {
                case '?':
                    _at++;
                    result = (0, 1);
                    break;
                case '*':
                    _at++;
                    result = (0, PatternStep.Unbounded);
                    break;
                case '+':
                    _at++;
                    result = (1, PatternStep.Unbounded);
                    break;
                case '{':
                    result = Braces();
                    break;
                default:
                    return (1, 1);
            }

            return result is null || (_at < _text.Length && _text[_at] is '?' or '*' or '+' or '{') ? null : result;
        }

        private (int, int)? Braces()
        {
            _at++;
            var min = Number();
            if (min is null || _at >= _text.Length)
            {
                return null;
            }

            var max = min;
            if (_text[_at] == ',')
            {
                _at++;
                max = _at < _text.Length && _text[_at] == '}' ? PatternStep.Unbounded : Number();
            }

            if (max is null || _at >= _text.Length || _text[_at] != '}' || max < min)
            {
                return null;
            }

            _at++;
            return (min.Value, max.Value);
        }

        private int? Number()
        {
            var start = _at;
            while (_at < _text.Length && _text[_at] is >= '0' and <= '9' && _at - start < 6)
            {
                _at++;
            }

            return _at == start || (_at < _text.Length && _text[_at] is >= '0' and <= '9')
                ? null
                : int.Parse(_text.Substring(start, _at - start), System.Globalization.CultureInfo.InvariantCulture);
        }

        private static bool IsPrintableAscii(char c) => c is >= ' ' and <= '~';
    }
}
