namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>JSON pointers (RFC 6901) as the tests read and write them.</summary>
public static class JsonPointer
{
    /// <summary>The reference tokens of a pointer, unescaped ("~1" is '/', then "~0" is '~'); none for "" (the root).</summary>
    public static IEnumerable<string> Tokens(string pointer)
        => pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    /// <summary>One reference token escaped for a pointer ('~' is "~0", then '/' is "~1").</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
