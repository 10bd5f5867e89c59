using System.Reflection;
using System.Reflection.Emit;

namespace WooshPay.Contracts.Tests.Infrastructure;

/// <summary>
/// Calls a static method whose first parameter is <c>ReadOnlySpan&lt;byte&gt;</c> (and whose optional second one is a
/// reference type) with a byte array: reflection cannot pass a span, so a small dynamic method converts and calls.
/// </summary>
public static class SpanCall
{
    public static Func<byte[], object?, object> Create(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var call = new DynamicMethod("SpanCall_" + method.Name, typeof(object), new[] { typeof(byte[]), typeof(object) }, method.Module, skipVisibility: true);
        var il = call.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(ReadOnlySpan<byte>).GetMethod("op_Implicit", new[] { typeof(byte[]) })!);
        if (parameters.Length == 2)
        {
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Castclass, parameters[1].ParameterType);
        }

        il.Emit(OpCodes.Call, method);
        if (method.ReturnType.IsValueType)
        {
            il.Emit(OpCodes.Box, method.ReturnType);
        }

        il.Emit(OpCodes.Ret);
        return call.CreateDelegate<Func<byte[], object?, object>>();
    }
}
