using System.IO;
using System.Reflection;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Emit;

/// <summary>
/// Emits webhook signature verification (Runtime/Webhooks/WooshPayWebhook.cs, kept as a resource) into
/// compilations whose schemas define the event type it returns, <see cref="EventTypeName"/>. It lives in the
/// models' namespace, beside the event, and follows their accessibility.
/// </summary>
internal static class WebhookEmitter
{
    /// <summary>The generated model <c>ConstructEvent</c> returns: the type titled WooshPayEvent.</summary>
    public const string EventTypeName = "WooshPayEvent";

    private const string HintName = "Runtime.WooshPayWebhook";
    private const string NamespaceToken = "WooshPay.Contracts";
    private const string VersionToken = "TOOL_VERSION";
    private const string ResourceName = "Webhooks.WooshPayWebhook.cs";

    private static readonly string s_text = Load();

    /// <summary>The hint name and text of the verification source.</summary>
    public static (string Name, string Source) Emit(EmitOptions options)
    {
        var text = s_text
            .Replace("namespace " + NamespaceToken + ";", "namespace " + options.Namespace + ";")
            .Replace("global::" + NamespaceToken + ".", "global::" + options.Namespace + ".")
            .Replace(VersionToken, options.ToolVersion);
        if (!options.PublicTypes)
        {
            text = text.Replace("public static class WooshPayWebhook", "internal static class WooshPayWebhook");
        }

        return (HintName, text);
    }

    private static string Load()
    {
        using var stream = typeof(WebhookEmitter).Assembly.GetManifestResourceStream(ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
