using System;
using System.Text;

namespace WooshPay.Contracts.Generator.Parsing;

/// <summary>
/// RFC 3986 reference resolution on plain strings. System.Uri is not used because it
/// rejects or rewrites the non-hierarchical identifiers schemas use ("urn:uuid:...", "tag:...").
/// </summary>
internal static class UriReference
{
    /// <summary>Resolves <paramref name="reference"/> against the absolute <paramref name="baseUri"/>.</summary>
    public static string Resolve(string baseUri, string reference)
    {
        var r = Split(reference);
        var b = Split(baseUri);
        string? scheme, authority, path, query;
        if (r.Scheme != null)
        {
            scheme = r.Scheme;
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            scheme = b.Scheme;
            if (r.Authority != null)
            {
                authority = r.Authority;
                path = RemoveDotSegments(r.Path);
                query = r.Query;
            }
            else
            {
                authority = b.Authority;
                if (r.Path.Length == 0)
                {
                    path = b.Path;
                    query = r.Query ?? b.Query;
                }
                else
                {
                    path = r.Path.StartsWith("/", StringComparison.Ordinal) ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                    query = r.Query;
                }
            }
        }

        var sb = new StringBuilder();
        if (scheme != null)
        {
            sb.Append(scheme).Append(':');
        }

        if (authority != null)
        {
            sb.Append("//").Append(authority);
        }

        sb.Append(path);
        if (query != null)
        {
            sb.Append('?').Append(query);
        }

        if (r.Fragment != null)
        {
            sb.Append('#').Append(r.Fragment);
        }

        return sb.ToString();
    }

    /// <summary>Splits "uri#fragment" into the part before '#' and the fragment (null when absent).</summary>
    public static (string Uri, string? Fragment) SplitFragment(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? (uri, null) : (uri.Substring(0, hash), uri.Substring(hash + 1));
    }

    /// <summary>Decodes %XX escapes of a URI fragment (UTF-8), leaving anything malformed as it is.</summary>
    public static string PercentDecode(string text)
    {
        if (text.IndexOf('%') < 0)
        {
            return text;
        }

        var bytes = new System.Collections.Generic.List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static string Merge(Parts b, string relativePath)
    {
        if (b.Authority != null && b.Path.Length == 0)
        {
            return "/" + relativePath;
        }

        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? relativePath : b.Path.Substring(0, slash + 1) + relativePath;
    }

    private static string RemoveDotSegments(string path)
    {
        if (!HasSegmentStartingWithDot(path))
        {
            return path;
        }

        var input = path;
        var output = new StringBuilder();
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal))
            {
                input = input.Substring(3);
            }
            else if (input.StartsWith("./", StringComparison.Ordinal))
            {
                input = input.Substring(2);
            }
            else if (input.StartsWith("/./", StringComparison.Ordinal))
            {
                input = input.Substring(2);
            }
            else if (input == "/.")
            {
                input = "/";
            }
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = input.Length == 3 ? "/" : input.Substring(3);
                var last = output.ToString().LastIndexOf('/');
                output.Length = last < 0 ? 0 : last;
            }
            else if (input == "." || input == "..")
            {
                input = string.Empty;
            }
            else
            {
                var start = input[0] == '/' ? 1 : 0;
                var next = input.IndexOf('/', start);
                var segment = next < 0 ? input : input.Substring(0, next);
                output.Append(segment);
                input = next < 0 ? string.Empty : input.Substring(next);
            }
        }

        return output.ToString();
    }

    /// <summary>False when <paramref name="path"/> has no "." or ".." segment to remove, as in "payment_intent.schema.json".</summary>
    private static bool HasSegmentStartingWithDot(string path)
    {
        for (var dot = path.IndexOf('.'); dot >= 0; dot = path.IndexOf('.', dot + 1))
        {
            if (dot == 0 || path[dot - 1] == '/')
            {
                return true;
            }
        }

        return false;
    }

    private static Parts Split(string uri)
    {
        string? fragment = null, query = null, scheme = null, authority = null;
        var rest = uri;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest.Substring(hash + 1);
            rest = rest.Substring(0, hash);
        }

        var q = rest.IndexOf('?');
        if (q >= 0)
        {
            query = rest.Substring(q + 1);
            rest = rest.Substring(0, q);
        }

        var colon = rest.IndexOf(':');
        if (colon > 0 && IsScheme(rest.Substring(0, colon)))
        {
            scheme = rest.Substring(0, colon);
            rest = rest.Substring(colon + 1);
        }

        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('/', 2);
            authority = end < 0 ? rest.Substring(2) : rest.Substring(2, end - 2);
            rest = end < 0 ? string.Empty : rest.Substring(end);
        }

        return new Parts(scheme, authority, rest, query, fragment);
    }

    private static bool IsScheme(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);
}
