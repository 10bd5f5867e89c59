using System;
using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// How large value sets are generated. The compiler's time and memory grow much faster than the number of arms of a
/// switch or of terms of an || chain (5,000 values took 43 s and 948 MB, 50,000 more than 8 minutes and 18 GB), so past
/// <see cref="SwitchLimit"/> values the generated code searches a sorted array of the values instead, and only the first
/// <see cref="NamedConstantLimit"/> values of an enum get a named constant (WPC020 says so).
/// </summary>
internal static class ValueLookup
{
    /// <summary>The most values matched by a switch or an || chain; a larger set is a sorted table.</summary>
    public const int SwitchLimit = 64;

    /// <summary>The most named constants an enum type gets; every value stays known and checked.</summary>
    public const int NamedConstantLimit = 1024;

    /// <summary>The distinct values in ordinal order, as the generated binary search (StringComparer.Ordinal) expects.</summary>
    public static EquatableArray<string> Sorted(IEnumerable<string> values)
        => values.Distinct(StringComparer.Ordinal).OrderBy(value => value, StringComparer.Ordinal).ToEquatableArray();
}
