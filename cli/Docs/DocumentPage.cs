using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WooshPay.Contracts.Tool.Docs;

/// <summary>A JSON code block of a documentation page, with what stands around it.</summary>
/// <param name="Index">1-based position among the page's JSON blocks.</param>
/// <param name="Line">1-based line of the block's first character in <see cref="DocumentPage.Text"/>.</param>
/// <param name="Text">The block's text, HTML entities decoded.</param>
/// <param name="Headings">The headings above the block, nearest first (text and, for HTML, the id attribute).</param>
/// <param name="Label">The short line just before the block, such as "Request" or "응답", if there is one.</param>
internal sealed record CodeBlock(int Index, int Line, string Text, IReadOnlyList<string> Headings, string? Label);

/// <summary>Inline code that names a property path, such as <c>payment_method_options.alipay.terminal_type</c>.</summary>
internal sealed record InlinePath(int Line, string Path, int NextBlockIndex);

/// <summary>
/// A documentation page as published: WordPress REST JSON (the HTML is its content.rendered), plain HTML or Markdown.
/// Lines are counted in <see cref="Text"/>: the file itself for HTML and Markdown, content.rendered for WordPress JSON.
/// </summary>
internal sealed partial class DocumentPage
{
    private DocumentPage(string path, string kind, string text)
    {
        Path = path;
        Kind = kind;
        Text = text;
    }

    public string Path { get; }

    /// <summary>"wordpress", "html" or "markdown".</summary>
    public string Kind { get; }

    public string Text { get; }

    public List<CodeBlock> Blocks { get; } = new();

    public List<InlinePath> InlinePaths { get; } = new();

    /// <summary>Where <see cref="CodeBlock.Line"/> counts: the file, or the WordPress field.</summary>
    public string LinesOf => Kind == "wordpress" ? "content.rendered" : Path;

    public static DocumentPage Read(string path, string content)
    {
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
        {
            return ReadMarkdown(path, content);
        }

        if (TryWordPress(content) is { } rendered)
        {
            return ReadHtml(new DocumentPage(path, "wordpress", rendered));
        }

        return ReadHtml(new DocumentPage(path, "html", content));
    }

    private static string? TryWordPress(string content)
    {
        if (!content.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Object
                && c.TryGetProperty("rendered", out var rendered) && rendered.ValueKind == JsonValueKind.String
                ? rendered.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DocumentPage ReadHtml(DocumentPage page)
    {
        var html = page.Text;
        var headings = HtmlHeading().Matches(html).Select(m => (m.Index, Text: Heading(m))).ToList();
        var blocks = HtmlCodeBlock().Matches(html).ToList();
        foreach (var block in blocks)
        {
            var text = WebUtility.HtmlDecode(StripTags(block.Groups["code"].Value));
            if (!LooksLikeJson(text, block.Groups["class"].Value))
            {
                continue;
            }

            var before = html.Substring(0, block.Index);
            var paragraphs = HtmlParagraph().Matches(before);
            var label = paragraphs.Count > 0 && paragraphs[^1].Index > LastHeadingIndex(headings, block.Index)
                ? Short(WebUtility.HtmlDecode(StripTags(paragraphs[^1].Groups["text"].Value)))
                : null;
            page.Blocks.Add(new CodeBlock(page.Blocks.Count + 1, LineAt(html, block.Groups["code"].Index), text,
                headings.Where(h => h.Index < block.Index).Select(h => h.Text).Reverse().ToList(), label));
        }

        foreach (Match inline in HtmlInlineCode().Matches(html))
        {
            AddInlinePath(page, LineAt(html, inline.Index), WebUtility.HtmlDecode(inline.Groups["code"].Value), inline.Index, blocks.Select(b => b.Index).ToList());
        }

        return page;
    }

    private static DocumentPage ReadMarkdown(string path, string text)
    {
        var page = new DocumentPage(path, "markdown", text);
        var lines = text.Split('\n');
        var headings = new List<string>();
        string? lastText = null;
        var blockStarts = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var info = line.Substring(3).Trim();
                var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd('\r').StartsWith("```", StringComparison.Ordinal));
                end = end < 0 ? lines.Length : end;
                var body = string.Join("\n", lines.Skip(i + 1).Take(end - i - 1).Select(l => l.TrimEnd('\r')));
                if (LooksLikeJson(body, info))
                {
                    page.Blocks.Add(new CodeBlock(page.Blocks.Count + 1, i + 2, body, headings.AsEnumerable().Reverse().ToList(), lastText));
                    blockStarts.Add(i);
                }

                i = end;
                lastText = null;
                continue;
            }

            if (MarkdownHeading().Match(line) is { Success: true } heading)
            {
                headings.Add(heading.Groups["text"].Value.Trim());
                lastText = null;
            }
            else if (line.Trim().Length > 0)
            {
                lastText = Short(line.Trim());
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match inline in MarkdownInlineCode().Matches(lines[i]))
            {
                AddInlinePath(page, i + 1, inline.Groups["code"].Value, i, blockStarts);
            }
        }

        return page;
    }

    private static void AddInlinePath(DocumentPage page, int line, string code, int position, List<int> blockPositions)
    {
        if (!PropertyPath().IsMatch(code))
        {
            return;
        }

        // The path belongs to the sample that follows it (the next JSON block), if there is one.
        var next = blockPositions.FindIndex(p => p > position);
        page.InlinePaths.Add(new InlinePath(line, code, next < 0 ? 0 : Math.Min(next + 1, page.Blocks.Count)));
    }

    private static int LastHeadingIndex(List<(int Index, string Text)> headings, int before)
        => headings.Where(h => h.Index < before).Select(h => h.Index).DefaultIfEmpty(-1).Max();

    private static string Heading(Match m)
    {
        var text = WebUtility.HtmlDecode(StripTags(m.Groups["text"].Value)).Trim();
        return m.Groups["id"].Success ? $"{text} #{m.Groups["id"].Value}" : text;
    }

    private static bool LooksLikeJson(string text, string info)
        => info.Contains("json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');

    private static string? Short(string text) => text.Length is > 0 and <= 40 ? text : null;

    private static string StripTags(string html) => Tag().Replace(html, string.Empty);

    private static int LineAt(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    [GeneratedRegex("<h(?<level>[1-6])(?:[^>]*?\\sid=\"(?<id>[^\"]*)\")?[^>]*>(?<text>.*?)</h\\k<level>>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlHeading();

    [GeneratedRegex("<pre[^>]*>\\s*<code(?:[^>]*?\\sclass=\"(?<class>[^\"]*)\")?[^>]*>(?<code>.*?)</code>\\s*</pre>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlCodeBlock();

    [GeneratedRegex("<p[^>]*>(?<text>.*?)</p>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlParagraph();

    [GeneratedRegex("(?<!<pre[^>]*>\\s*)<code[^>]*>(?<code>[^<]*)</code>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlInlineCode();

    [GeneratedRegex("^#{1,6}\\s+(?<text>.+)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex MarkdownInlineCode();

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex PropertyPath();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
