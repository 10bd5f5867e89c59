using System;
using System.Collections.Generic;
using System.Linq;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Names the generated types declare themselves. A schema name that would collide with one of them
/// gets a suffix: decided once here, used by the model builder and the emitters alike.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Members of a generated class (and of object) that a property may not take.</summary>
    public static readonly HashSet<string> ModelMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "AdditionalProperties", "Parse", "FromJson", "ReadJson", "WriteJson", "WriteTo", "ToJson", "ToUtf8Json",
        "Validate", "Converter", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>Members of a generated enum struct (and of object) that a constant may not take.</summary>
    public static readonly HashSet<string> EnumMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Value", "IsKnown", "KnownValues", "ReadJson", "WriteJson", "Converter",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>
    /// The System namespace itself and the System types that code in a contract's namespace commonly names. A generated
    /// type of one of these names would hide the System one from the consumer's code in that namespace (String.Empty,
    /// Guid.NewGuid(), Math.Max would mean the contract's type), so it gets the suffix "Model" and WPC022 instead.
    /// </summary>
    public static readonly HashSet<string> SystemTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System", "Object", "String", "Char", "Boolean", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64",
        "Int128", "UInt128", "IntPtr", "UIntPtr", "Half", "Single", "Double", "Decimal", "DateTime", "DateTimeOffset", "DateOnly",
        "TimeOnly", "TimeSpan", "TimeZoneInfo", "Guid", "Uri", "Version", "Math", "MathF", "Convert", "BitConverter", "Array",
        "Buffer", "Span", "ReadOnlySpan", "Memory", "ReadOnlyMemory", "Exception", "ArgumentException", "ArgumentNullException",
        "InvalidOperationException", "FormatException", "NotSupportedException", "Nullable", "Enum", "Type", "Attribute",
        "Action", "Func", "Delegate", "Tuple", "ValueTuple", "Lazy", "Random", "Environment", "Console", "GC", "Activator",
        "EventArgs", "EventHandler", "Index", "Range", "StringComparer", "StringComparison", "IDisposable", "IEquatable",
        "IComparable", "IFormattable",
    };

    /// <summary>
    /// Type names that would not compile: the support namespace ("Runtime"), and any member name, since a
    /// member may not share its enclosing type's name.
    /// </summary>
    public static readonly HashSet<string> TypeNames = new HashSet<string>(
        ModelMembers.Concat(EnumMembers).Concat(new[] { "Runtime" }), StringComparer.OrdinalIgnoreCase);
}
