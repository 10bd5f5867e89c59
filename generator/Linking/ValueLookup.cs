using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// How large value sets are generated. The compiler's time and memory grow much faster than the number of arms of a
/// switch or of terms of an || chain (5,000 values took 43 s and 948 MB, 50,000 more than 8 minutes and 18 GB), so past
/// <see cref="SwitchLimit"/> values the generated code searches an array of the values (sorted once, when its type is
/// first used) instead, and only the first
/// <see cref="NamedConstantLimit"/> values of an enum get a named constant (WPC020 says so).
/// </summary>
internal static class ValueLookup
{
    /// <summary>The most values matched by a switch or an || chain; a larger set is a sorted table.</summary>
    public const int SwitchLimit = 64;

    /// <summary>The most named constants an enum type gets; every value stays known and checked.</summary>
    public const int NamedConstantLimit = 1024;

    /// <summary>Whether a set of <paramref name="count"/> values is searched in a table rather than matched one by one.</summary>
    public static bool IsLarge(int count) => count > SwitchLimit;

    /// <summary>Whether the strings among <paramref name="literals"/> are too many to match one by one.</summary>
    /// <remarks>A set of few values cannot hold many strings: those, most sets, are not counted.</remarks>
    public static bool HasLargeStringSet(EquatableArray<LiteralSpec> literals)
        => IsLarge(literals.Count) && IsLarge(literals.Count(literal => literal.Kind == LiteralKind.String));
}
