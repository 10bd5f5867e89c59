using System;
using System.Collections.Generic;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Hands out the type names of one compilation's namespace. Names are compared ignoring case, as the
/// files they become must differ that way too. A name the schema author chose (a title, a $defs key)
/// that is taken already is reported (WPC004); a name the generator derived ({Parent}{Property}) is
/// quietly numbered. Either way the output still compiles. A name that would hide a System type gets a suffix
/// (WPC022 when the author chose it).
/// </summary>
internal sealed class TypeNameRegistry(List<DiagnosticInfo> diagnostics)
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claims a name the author chose; a clash is WPC004 at <paramref name="location"/>.</summary>
    public string Claim(string name, LocationInfo? location, string owner) => Claim(name, location, owner, authored: true);

    /// <summary>Claims a name the generator derived; a clash just gets a number.</summary>
    public string ClaimDerived(string name, string owner) => Claim(name, null, owner, authored: false);

    private string Claim(string name, LocationInfo? location, string owner, bool authored)
    {
        // "Runtime" is the support namespace, and a type may not share a name with one of its own members.
        if (ReservedNames.TypeNames.Contains(name))
        {
            name += "Type";
        }

        if (ReservedNames.SystemTypes.Contains(name))
        {
            var renamed = name + "Model";
            if (authored)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameHidesSystemType, location, name, renamed));
            }

            name = renamed;
        }

        if (!_owners.TryGetValue(name, out var first))
        {
            _owners[name] = owner;
            return name;
        }

        if (authored)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTypeName, location, name, first, owner));
        }

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
