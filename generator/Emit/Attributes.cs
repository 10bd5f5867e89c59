using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Emit;

/// <summary>Attribute text shared by every emitter.</summary>
internal static class Attributes
{
    public const string ToolName = "WooshPay.Contracts.Generator";

    public static string GeneratedCode(EmitOptions options)
        => $"[global::System.CodeDom.Compiler.GeneratedCode(\"{ToolName}\", \"{options.ToolVersion}\")]";
}
