using System.Collections.Generic;
using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

internal static partial class ValidatorPlanner
{
    /// <summary>
    /// Fuses each folded Then member into the member's own check where Then's schema for the member is structural (see
    /// <see cref="IsStructural"/>): the member is then read once, by a product check that makes the member schema's checks
    /// as they are and Then's as soft checks, which mark the context instead of failing the value (Then counts only when
    /// If holds). The checkout session's Alipay rule, one-time prices on every line item, reads its 120 KB once so.
    /// A member stays checked on a copy when any part of its schema pair does not fuse. Returns the product nodes per
    /// owning schema class, and updates the owners' plans.
    /// </summary>
    private static Dictionary<string, List<CompiledNodeSpec>> FuseConditions(
        IReadOnlyList<SchemaFileEmitSpec> files, Dictionary<SchemaNodeAddress, (CompiledNodeSpec? Spec, string? Keyword)> plans)
    {
        var products = new Dictionary<string, List<CompiledNodeSpec>>();
        foreach (var file in files)
        {
            var fusion = new Fusion(file.ClassName, file.Nodes.Count, plans);
            foreach (var linked in file.Nodes)
            {
                var address = new SchemaNodeAddress(file.ClassName, linked.Node.Index);
                if (plans[address].Spec is not { MemberCondition: { Then: { } then } condition } owner || !owner.PatternProperties.IsEmpty)
                {
                    continue;
                }

                var members = then.Members
                    .Select(m => fusion.TryFuse(owner.Properties[m.Member].Schema, m.Schema) is { } product ? m with { Fused = product } : m)
                    .ToEquatableArray();
                plans[address] = (owner with { MemberCondition = condition with { Then = then with { Members = members } } }, null);
            }

            products[file.ClassName] = fusion.Products;
        }

        return products;
    }

    /// <summary>
    /// Whether a branch schema only names members, items, required members and enum or const strings: what a product check
    /// can make softly over a value another schema reads.
    /// </summary>
    private static bool IsStructural(CompiledNodeSpec b)
        => b == new CompiledNodeSpec(b.Index, b.Pointer)
            {
                Properties = b.Properties, RequiredNames = b.RequiredNames, RequiredMask = b.RequiredMask, Required = b.Required,
                Items = b.Items, ValueSets = b.ValueSets,
            }
            && b.ValueSets.All(set => set.Strings.IsEmpty && set.Literals.All(literal => literal.Kind == LiteralKind.String));

    /// <summary>The product checks made for one schema class, numbered after its own nodes.</summary>
    private sealed class Fusion(string className, int firstIndex, Dictionary<SchemaNodeAddress, (CompiledNodeSpec? Spec, string? Keyword)> plans)
    {
        private readonly Dictionary<(SchemaNodeAddress Main, SchemaNodeAddress Soft), SchemaNodeAddress> _made = new();
        private int _next = firstIndex;

        public List<CompiledNodeSpec> Products { get; } = new();

        /// <summary>The product of <paramref name="main"/> and <paramref name="soft"/>, or null (and nothing kept) when a part does not fuse.</summary>
        public SchemaNodeAddress? TryFuse(SchemaNodeAddress main, SchemaNodeAddress soft)
        {
            var kept = Products.Count;
            var made = new Dictionary<(SchemaNodeAddress, SchemaNodeAddress), SchemaNodeAddress>(_made);
            var product = Fuse(main, soft, made);
            if (product is null)
            {
                // A product made on the way may refer to one that failed: none of this attempt is kept.
                Products.RemoveRange(kept, Products.Count - kept);
                return null;
            }

            foreach (var pair in made)
            {
                _made[pair.Key] = pair.Value;
            }

            return product;
        }

        private SchemaNodeAddress? Fuse(SchemaNodeAddress main, SchemaNodeAddress soft, Dictionary<(SchemaNodeAddress, SchemaNodeAddress), SchemaNodeAddress> made)
        {
            if (made.TryGetValue((main, soft), out var existing))
            {
                return existing;
            }

            if (!plans.TryGetValue(main, out var mainPlan) || mainPlan.Spec is not { } a
                || !plans.TryGetValue(soft, out var softPlan) || softPlan.Spec is not { } b || !IsStructural(b))
            {
                return null;
            }

            // A bare $ref: the product is its target's.
            if (a.IsBareRef && a.Ref is { } target)
            {
                return Fuse(target, soft, made);
            }

            if (a.BooleanValue != null)
            {
                return null;
            }

            // Reserved before the parts, so that a reference cycle through this pair calls the product itself.
            var address = new SchemaNodeAddress(className, _next++);
            made[(main, soft)] = address;
            var product = a.HasAnyOf ? IntoAnyOf(a, soft, b, made) : OnTop(a, b, made);
            if (product is null)
            {
                return null;
            }

            Products.Add(product with { Index = address.NodeIndex, Graph = main });
            return address;
        }

        /// <summary>
        /// The soft schema goes into an anyOf's one branch that is not a type test: the type-tested values (null, in the
        /// nullable idiom) are neither objects nor arrays, so every structural schema without values accepts them.
        /// </summary>
        private CompiledNodeSpec? IntoAnyOf(
            CompiledNodeSpec a, SchemaNodeAddress soft, CompiledNodeSpec b, Dictionary<(SchemaNodeAddress, SchemaNodeAddress), SchemaNodeAddress> made)
        {
            if (a.AnyOf.Count != 1 || (a.AnyOfTypes & (JsonTypes.Object | JsonTypes.Array)) != 0 || !b.ValueSets.IsEmpty)
            {
                return null;
            }

            var branch = a.AnyOf[0];
            if (Fuse(branch, soft, made) is not { } fused)
            {
                return null;
            }

            return a with
            {
                AnyOf = new[] { fused }.ToEquatableArray(),
                AnyOfBranches = a.AnyOfBranches.Select(n => n == branch ? fused : n).ToEquatableArray(),
            };
        }

        /// <summary>The soft schema's members, items, required names and values on the main schema's own.</summary>
        private CompiledNodeSpec? OnTop(CompiledNodeSpec a, CompiledNodeSpec b, Dictionary<(SchemaNodeAddress, SchemaNodeAddress), SchemaNodeAddress> made)
        {
            var properties = a.Properties.ToList();
            foreach (var property in b.Properties)
            {
                var member = properties.FindIndex(p => p.Name == property.Name);
                if (member < 0 || Fuse(properties[member].Schema, property.Schema, made) is not { } fused)
                {
                    return null;
                }

                properties[member] = properties[member] with { Schema = fused };
            }

            if (PresenceMask(b.Required, a.Properties.Select(p => p.Name).Concat(a.RequiredNames).ToList()) is not { } required)
            {
                return null;
            }

            var items = a.Items;
            if (b.Items is { } softItems)
            {
                if (a.Items is not { } mainItems || !a.PrefixItems.IsEmpty || Fuse(mainItems, softItems, made) is not { } fusedItems)
                {
                    return null;
                }

                items = fusedItems;
            }

            return a with
            {
                Properties = properties.ToEquatableArray(),
                Items = items,
                SoftRequiredMask = required,
                SoftValueSets = b.ValueSets,
            };
        }
    }
}
