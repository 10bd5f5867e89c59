namespace WooshPay.Contracts.Generator.Parsing;

/// <summary>RFC 6901 reference tokens.</summary>
internal static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    public static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");
}
