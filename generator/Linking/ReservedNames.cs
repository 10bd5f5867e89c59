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
    /// Type names that would not compile: the support namespace ("Runtime"), and any member name, since a
    /// member may not share its enclosing type's name.
    /// </summary>
    public static readonly HashSet<string> TypeNames = new HashSet<string>(
        ModelMembers.Concat(EnumMembers).Concat(new[] { "Runtime" }), StringComparer.OrdinalIgnoreCase);
}
