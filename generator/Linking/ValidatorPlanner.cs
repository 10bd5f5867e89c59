using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Linking;

/// <summary>
/// Decides, per schema node of the linked graph, the checks a compiled validator makes in one forward pass
/// over UTF-8 JSON. A schema file whose reachable nodes all compile gets a compiled fast path; any node that
/// needs what one pass cannot give (unevaluated*, $dynamicRef, ...) keeps the whole file on the interpreter,
/// and the file gets an info diagnostic naming the node and the keyword.
/// </summary>
internal static partial class ValidatorPlanner
{
    /// <summary>Declared properties are tracked in one 64-bit mask; more than that in one object is left to the interpreter.</summary>
    private const int MaxTrackedProperties = 64;

    public static EquatableArray<CompiledFileSpec> Plan(IReadOnlyList<SchemaFileEmitSpec> files, LinkedGraph graph, List<DiagnosticInfo> diagnostics)
    {
        var plans = new Dictionary<SchemaNodeAddress, (CompiledNodeSpec? Spec, string? Keyword)>(files.Sum(file => file.Nodes.Count));
        foreach (var file in files)
        {
            foreach (var linked in file.Nodes)
            {
                var address = new SchemaNodeAddress(file.ClassName, linked.Node.Index);
                var keyword = Unsupported(linked);
                plans[address] = keyword is null ? (PlanNode(file, linked), null) : (null, keyword);
            }
        }

        var products = FuseConditions(files, plans);
        var blockedCallees = BlockedCallees(plans);
        var result = new List<CompiledFileSpec>(files.Count);
        foreach (var file in files)
        {
            if (file.Nodes.Count == 0)
            {
                continue;
            }

            var blocker = FindBlocker(new SchemaNodeAddress(file.ClassName, 0), plans, blockedCallees);
            if (blocker is { } b)
            {
                var location = graph.Location(b.Address);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InterpretedSchema, location,
                    System.IO.Path.GetFileName(file.FilePath), b.Keyword, System.IO.Path.GetFileName(location.FilePath), graph.Linked(b.Address).Node.Pointer));
                result.Add(new CompiledFileSpec(file.ClassName, EquatableArray<CompiledNodeSpec>.Empty));
                continue;
            }

            // Only this file's nodes get methods here; nodes of other files are called in their own class.
            var nodes = file.Nodes
                .Select(n => plans[new SchemaNodeAddress(file.ClassName, n.Node.Index)].Spec)
                .Where(s => s != null)
                .Select(s => s!)
                .Concat(products[file.ClassName])
                .ToEquatableArray();
            result.Add(new CompiledFileSpec(file.ClassName, nodes));
        }

        return result.ToEquatableArray();
    }

    /// <summary>
    /// The blocked nodes, those from which a node that cannot be compiled is reachable (across files; such a node is
    /// blocked itself), each with its blocked callees in call order. They are found by one walk back along the call edges
    /// from the nodes that cannot be compiled, instead of a walk of the whole reachable graph per file.
    /// </summary>
    private static Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>> BlockedCallees(
        Dictionary<SchemaNodeAddress, (CompiledNodeSpec? Spec, string? Keyword)> plans)
    {
        var callers = new Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>>();
        var pending = new Stack<SchemaNodeAddress>();
        foreach (var entry in plans)
        {
            var (address, spec) = (entry.Key, entry.Value.Spec);
            if (spec is null)
            {
                pending.Push(address);
                continue;
            }

            foreach (var callee in spec.Callees())
            {
                if (!callers.TryGetValue(callee, out var calleeCallers))
                {
                    calleeCallers = callers[callee] = new List<SchemaNodeAddress>();
                }

                calleeCallers.Add(address);
            }
        }

        var blocked = new HashSet<SchemaNodeAddress>();
        while (pending.Count > 0)
        {
            var address = pending.Pop();
            if (blocked.Add(address) && callers.TryGetValue(address, out var addressCallers))
            {
                foreach (var caller in addressCallers)
                {
                    pending.Push(caller);
                }
            }
        }

        var blockedCallees = new Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>>(blocked.Count);
        foreach (var address in blocked)
        {
            blockedCallees[address] = plans[address].Spec?.Callees().Where(blocked.Contains).ToList() ?? new List<SchemaNodeAddress>();
        }

        return blockedCallees;
    }

    /// <summary>
    /// The first node reachable from <paramref name="root"/> (across files) that cannot be compiled, in depth-first order.
    /// The walk follows only <paramref name="blockedCallees"/>: the other callees reach no such node, so leaving them out
    /// leaves that order, and the answer, as it was.
    /// </summary>
    private static (SchemaNodeAddress Address, string Keyword)? FindBlocker(
        SchemaNodeAddress root,
        Dictionary<SchemaNodeAddress, (CompiledNodeSpec? Spec, string? Keyword)> plans,
        Dictionary<SchemaNodeAddress, List<SchemaNodeAddress>> blockedCallees)
    {
        var seen = new HashSet<SchemaNodeAddress>();
        var pending = new Stack<SchemaNodeAddress>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var address = pending.Pop();
            if (!blockedCallees.TryGetValue(address, out var callees) || !seen.Add(address))
            {
                continue;
            }

            var plan = plans[address];
            if (plan.Spec is null)
            {
                return (address, plan.Keyword!);
            }

            foreach (var next in callees)
            {
                pending.Push(next);
            }
        }

        return null;
    }

    /// <summary>The keyword that keeps a node on the interpreter, or null when the node compiles.</summary>
    private static string? Unsupported(LinkedNodeSpec linked)
    {
        var node = linked.Node;
        if (node.UnevaluatedProperties != null)
        {
            return "unevaluatedProperties";
        }

        if (node.UnevaluatedItems != null)
        {
            return "unevaluatedItems";
        }

        if (node.DynamicRef != null)
        {
            return "$dynamicRef";
        }

        if (!node.DependentRequired.IsEmpty)
        {
            return "dependentRequired";
        }

        if (!node.DependentSchemas.IsEmpty)
        {
            return "dependentSchemas";
        }

        if (HasDuplicateName(node.Properties) || node.Properties.Any(p => !IsWellFormed(p.Name)))
        {
            return "properties";
        }

        if (TrackedNames(node).Count > MaxTrackedProperties || node.Required.Any(name => !IsWellFormed(name)))
        {
            return "required";
        }

        if (node.HasEnum && node.Enum.Any(v => !IsToken(v)))
        {
            return "enum";
        }

        if (node.Const != null && !IsToken(node.Const))
        {
            return "const";
        }

        foreach (var (keyword, value) in Bounds(node))
        {
            if (value != null && Decimal(value) is null)
            {
                return keyword;
            }
        }

        return null;
    }

    private static bool HasDuplicateName(EquatableArray<NamedSubschema> properties)
    {
        if (properties.Count < 2)
        {
            return false;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (!names.Add(property.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Names whose presence an object check tracks: declared properties first, then required names no property declares.</summary>
    private static List<string> TrackedNames(SchemaNodeSpec node)
    {
        var tracked = new List<string>(node.Properties.Count + node.Required.Count);
        if (node.Properties.IsEmpty && node.Required.IsEmpty)
        {
            return tracked;
        }

        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            if (seen.Add(property.Name))
            {
                tracked.Add(property.Name);
            }
        }

        foreach (var name in node.Required)
        {
            if (seen.Add(name))
            {
                tracked.Add(name);
            }
        }

        return tracked;
    }

    private static CompiledNodeSpec PlanNode(SchemaFileEmitSpec file, LinkedNodeSpec linked)
    {
        var node = linked.Node;
        // One delegate for all the lists below: a local function would become a new delegate at each use.
        Func<int, SchemaNodeAddress> child = index => new(file.ClassName, index);
        SchemaNodeAddress? Optional(int? index) => index is int i ? child(i) : null;

        var tracked = TrackedNames(node);
        var namesPlan = node.PropertyNames is int namesNode && file.Nodes[namesNode].Node.Pattern is { } namesPattern ? SimplePatterns.Plan(namesPattern) : null;

        // The nullable idiom anyOf: [{"$ref": ...}, {"type": "null"}]: branches that only test the type become one token test.
        var typeOnly = JsonTypes.None;
        var otherBranches = new List<int>();
        foreach (var branch in node.AnyOf)
        {
            var candidate = file.Nodes[branch];
            if (IsTypeOnly(candidate))
            {
                typeOnly |= candidate.Node.Types;
            }
            else
            {
                otherBranches.Add(branch);
            }
        }

        return new CompiledNodeSpec(node.Index, node.Pointer)
        {
            // An empty enum allows nothing: the schema false.
            BooleanValue = node.HasEnum && node.Enum.IsEmpty ? false : node.BooleanValue,
            Types = node.Types,
            ValueSets = ValueSets(node),
            Minimum = Bound(node.Minimum),
            Maximum = Bound(node.Maximum),
            ExclusiveMinimum = Bound(node.ExclusiveMinimum),
            ExclusiveMaximum = Bound(node.ExclusiveMaximum),
            MultipleOf = Decimal(node.MultipleOf),
            MinLength = node.MinLength,
            MaxLength = node.MaxLength,
            HasPattern = node.Pattern != null,
            SimplePattern = node.Pattern is null ? null : SimplePatterns.Plan(node.Pattern),
            Format = node.Format,
            Properties = node.Properties.SelectAsArray(p => new CompiledProperty(p.Name, child(p.Node))),
            RequiredNames = tracked.Skip(node.Properties.Count).ToEquatableArray(),
            RequiredMask = PresenceMask(node.Required, tracked)!.Value,
            Required = node.Required,
            PatternProperties = node.PatternProperties.SelectAsArray(p => child(p.Node)),
            AdditionalProperties = Optional(node.AdditionalProperties),
            PropertyNames = Optional(node.PropertyNames),
            PropertyNamesMatchOnBytes = namesPlan != null,
            PropertyNamesAccepted = namesPlan != null && node.PropertyNames is int names ? NamesAccepted(file.Nodes[names], namesPlan, tracked) : 0,
            RejectsUndeclared = node.PatternProperties.IsEmpty && node.AdditionalProperties is int extra && file.Nodes[extra].Node.BooleanValue == false,
            MinProperties = node.MinProperties,
            MaxProperties = node.MaxProperties,
            PrefixItems = node.PrefixItems.SelectAsArray(child),
            Items = Optional(node.Items),
            Contains = Optional(node.Contains),
            MinContains = node.MinContains,
            MaxContains = node.MaxContains,
            MinItems = node.MinItems,
            MaxItems = node.MaxItems,
            UniqueItems = node.UniqueItems,
            Ref = linked.Ref,
            AllOf = node.AllOf.SelectAsArray(child),
            AnyOfTypes = typeOnly,
            HasAnyOf = !node.AnyOf.IsEmpty,
            AnyOf = otherBranches.Select(child).ToEquatableArray(),
            AnyOfBranches = node.AnyOf.SelectAsArray(child),
            OneOf = node.OneOf.SelectAsArray(child),
            Not = Optional(node.Not),
            If = Optional(node.If),
            Then = Optional(node.Then),
            Else = Optional(node.Else),
            MemberCondition = FoldCondition(file, node, tracked),
        };
    }

    /// <summary>
    /// The node's if/then/else as a <see cref="MemberCondition"/>, when the node declares properties and each branch is
    /// members-only over names the node tracks; null otherwise.
    /// </summary>
    private static MemberCondition? FoldCondition(SchemaFileEmitSpec file, SchemaNodeSpec node, List<string> tracked)
    {
        if (node.If is not int condition || (node.Then is null && node.Else is null) || node.Properties.IsEmpty)
        {
            return null;
        }

        var ifBranch = MembersOnly(file, node, tracked, condition);
        var thenBranch = node.Then is int then ? MembersOnly(file, node, tracked, then) : null;
        var elseBranch = node.Else is int otherwise ? MembersOnly(file, node, tracked, otherwise) : null;
        return ifBranch is null || (node.Then != null && thenBranch is null) || (node.Else != null && elseBranch is null)
            ? null
            : new MemberCondition(ifBranch, thenBranch, elseBranch);
    }

    /// <summary>The presence bits of <paramref name="names"/> among an object's <paramref name="tracked"/> names; null when one is not tracked.</summary>
    private static ulong? PresenceMask(EquatableArray<string> names, List<string> tracked)
    {
        var mask = 0UL;
        foreach (var name in names)
        {
            var bit = tracked.IndexOf(name);
            if (bit < 0)
            {
                return null;
            }

            mask |= 1UL << bit;
        }

        return mask;
    }

    /// <summary>The branch at <paramref name="index"/> as a <see cref="MemberBranch"/> of <paramref name="owner"/>, or null when it checks more than members.</summary>
    private static MemberBranch? MembersOnly(SchemaFileEmitSpec file, SchemaNodeSpec owner, List<string> tracked, int index)
    {
        var branch = file.Nodes[index];
        var n = branch.Node;
        if (branch.Ref != null || branch.DynamicRef != null || n != Bare(n) with { Properties = n.Properties, Required = n.Required })
        {
            return null;
        }

        // The tracked names start with the owner's properties, in order: a member's bit is its property index.
        var members = new List<MemberCheck>();
        foreach (var property in n.Properties)
        {
            var member = tracked.IndexOf(property.Name);
            if (member < 0 || member >= owner.Properties.Count)
            {
                return null;
            }

            members.Add(new MemberCheck(member, new SchemaNodeAddress(file.ClassName, property.Node)));
        }

        return PresenceMask(n.Required, tracked) is { } mask ? new MemberBranch(members.ToEquatableArray(), mask) : null;
    }

    /// <summary>A branch such as {"type": "null"}: a type test and nothing else (title and description aside).</summary>
    private static bool IsTypeOnly(LinkedNodeSpec branch)
    {
        var n = branch.Node;
        return n.Types != JsonTypes.None && branch.Ref is null && branch.DynamicRef is null && n == Bare(n) with { Types = n.Types };
    }

    /// <summary>
    /// The tracked names a propertyNames schema certainly accepts, as a presence mask: only when that schema is its simple
    /// pattern (<paramref name="plan"/>) alone, a type of string changing nothing for a name, so its verdict on a known
    /// name never depends on the run.
    /// </summary>
    private static ulong NamesAccepted(LinkedNodeSpec propertyNames, PatternSpec plan, List<string> tracked)
    {
        var n = propertyNames.Node;
        if (propertyNames.Ref != null || propertyNames.DynamicRef != null
            || (n.Types != JsonTypes.None && (n.Types & JsonTypes.String) == 0)
            || n != Bare(n) with { Pattern = n.Pattern, Types = n.Types })
        {
            return 0;
        }

        // At most 64 names are tracked (more leave the node to the interpreter), one bit each.
        var accepted = 0UL;
        for (var i = 0; i < tracked.Count; i++)
        {
            if (SimplePatterns.Matches(plan, tracked[i]))
            {
                accepted |= 1UL << i;
            }
        }

        return accepted;
    }

    /// <summary>The node without a keyword: its place and its annotations (title, description) only.</summary>
    private static SchemaNodeSpec Bare(SchemaNodeSpec n) => new()
    {
        Index = n.Index, Pointer = n.Pointer, ResourceUri = n.ResourceUri, ResourcePointer = n.ResourcePointer,
        InsideUnknownKeyword = n.InsideUnknownKeyword, Title = n.Title, Description = n.Description,
    };

    private static IEnumerable<(string Keyword, string? Value)> Bounds(SchemaNodeSpec node)
    {
        yield return ("minimum", node.Minimum);
        yield return ("maximum", node.Maximum);
        yield return ("exclusiveMinimum", node.ExclusiveMinimum);
        yield return ("exclusiveMaximum", node.ExclusiveMaximum);
        yield return ("multipleOf", node.MultipleOf);
    }

    /// <summary>
    /// A bound as the literal the fast pass compares with: an integer a long holds is a long literal (an integer value
    /// meets it without decimal arithmetic), any other a decimal literal; null when decimal cannot hold it exactly.
    /// </summary>
    private static string? Bound(string? text)
        => ExactDecimal(text) is not { } value ? null
            : value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue
                ? decimal.ToInt64(value).ToString(CultureInfo.InvariantCulture) + "L"
                : value.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>A schema number as a C# decimal literal, or null when decimal cannot hold it exactly.</summary>
    private static string? Decimal(string? text) => ExactDecimal(text) is { } value ? value.ToString(CultureInfo.InvariantCulture) + "m" : null;

    private static decimal? ExactDecimal(string? text)
    {
        if (text is null || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        // Round-trips only when decimal kept every digit (0.1 stays 0.1; 1e-40 would become 0).
        return value != 0 || IsZero(text) ? value : null;
    }

    private static bool IsZero(string text) => text.TakeWhile(c => c != 'e' && c != 'E').All(c => c is '0' or '.' or '-' or '+');

    /// <summary>The enum's values, then the const, each a set the value must be in.</summary>
    private static EquatableArray<CompiledValueSet> ValueSets(SchemaNodeSpec node)
    {
        if (!node.HasEnum && node.Const is null)
        {
            return EquatableArray<CompiledValueSet>.Empty;
        }

        var sets = new List<CompiledValueSet>(2);
        if (node.HasEnum)
        {
            sets.Add(ValueSet(node.Enum));
        }

        if (node.Const != null)
        {
            sets.Add(ValueSet(new[] { node.Const }.ToEquatableArray()));
        }

        return sets.ToEquatableArray();
    }

    /// <summary>The strings of a set larger than a chain of comparisons should be go into a sorted table.</summary>
    private static CompiledValueSet ValueSet(EquatableArray<LiteralSpec> literals)
        => ValueLookup.HasLargeStringSet(literals)
            ? new CompiledValueSet(literals.Where(literal => literal.Kind != LiteralKind.String).ToEquatableArray(),
                literals.Where(literal => literal.Kind == LiteralKind.String).Select(literal => literal.Text).ToEquatableArray())
            : new CompiledValueSet(literals, EquatableArray<string>.Empty);

    /// <summary>Whether the compiled code can match an enum or const value as one token (not objects, arrays, odd strings).</summary>
    private static bool IsToken(LiteralSpec literal)
        => literal.Kind is not (LiteralKind.Array or LiteralKind.Object) && (literal.Kind != LiteralKind.String || IsWellFormed(literal.Text));

    /// <summary>False for a string with an unpaired surrogate: it has no UTF-8 form to compare with.</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
