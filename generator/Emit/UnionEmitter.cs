using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Emit;

/// <summary>
/// Reading and writing of a union-typed value (<see cref="TypeRefKind.Union"/>). Its C# type is <c>object</c>:
/// an instance of the generated class the discriminator names, or the JsonElement itself when it names
/// none of them, so that <c>value is PaymentIntent intent</c> reads naturally and an unknown resource is kept whole.
/// </summary>
internal static class UnionEmitter
{
    /// <summary>The C# type of a union value, not nullable.</summary>
    public const string TypeName = "object";

    /// <summary>
    /// An expression reading the value <paramref name="reader"/> stands on as the class its discriminator names: a copy of the
    /// reader looks the discriminator up ahead, wherever it stands in the object, then the class reads the value itself.
    /// </summary>
    public static string ReadExpression(UnionSpec union, string reader, string options, string ns)
    {
        var arms = union.Members.Select(m => $"{CSharpLiteral.String(m.Value)} => global::{ns}.{m.TypeName}.ReadJson(ref {reader}, {options}),");
        return $"global::{ns}.Runtime.ContractUnion.Discriminator({reader}, {CSharpLiteral.String(union.Discriminator)}) switch\n{{\n    "
            + string.Join("\n    ", arms)
            + $"\n    _ => (object)global::{ns}.Runtime.ContractJson.ReadElement(ref {reader}),\n}}";
    }

    /// <summary>Statements writing <paramref name="value"/> (an object, possibly null) with <paramref name="writer"/>.</summary>
    public static string WriteStatements(UnionSpec union, string writer, string value, string ns)
    {
        var cases = union.Members.Select((m, i) => $"    case global::{ns}.{m.TypeName} option{i}:\n        global::{ns}.{m.TypeName}.WriteJson({writer}, option{i});\n        break;");
        return $"switch ({value})\n{{\n"
            + string.Join("\n", cases)
            + $"\n    default:\n        global::{ns}.Runtime.ContractUnion.WriteOther({writer}, {value});\n        break;\n}}";
    }
}
