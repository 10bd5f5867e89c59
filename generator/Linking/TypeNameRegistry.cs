using System;
using System.Collections.Generic;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Hands out the type names of one compilation's namespace. A name claimed twice is reported
/// (WPC004) and the second claimant gets a numbered name, so the rest of the output still compiles.
/// </summary>
internal sealed class TypeNameRegistry(List<DiagnosticInfo> diagnostics)
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    public string Claim(string name, LocationInfo? location, string owner)
    {
        if (!_owners.TryGetValue(name, out var first))
        {
            _owners[name] = owner;
            return name;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTypeName, location, name, first, owner));
        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_owners.ContainsKey(candidate))
            {
                _owners[candidate] = owner;
                return candidate;
            }
        }
    }
}
