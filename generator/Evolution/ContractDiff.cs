using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Evolution;

/// <summary>
/// Compares two versions of a contract, file by file and schema by schema, and classifies every difference
/// with a rule of <see cref="ChangeRules"/>. References are compared as written and not followed: the
/// schema they point at is compared where it is defined, so every change is reported once, at its place.
/// </summary>
internal sealed class ContractDiff
{
    private readonly List<ContractChange> _changes = new();
    private readonly ContractDocument _old;
    private readonly ContractDocument _new;
    private readonly ChangeAudience _audience;

    private ContractDiff(ContractDocument old, ContractDocument @new)
    {
        _old = old;
        _new = @new;
        _audience = @new.Audience;
    }

    /// <summary>Every change from <paramref name="oldVersion"/> to <paramref name="newVersion"/>, files paired by name.</summary>
    public static IReadOnlyList<ContractChange> Compare(IEnumerable<ContractDocument> oldVersion, IEnumerable<ContractDocument> newVersion)
    {
        var oldByName = oldVersion.Where(d => d.Spec.Nodes.Count > 0).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var newByName = newVersion.Where(d => d.Spec.Nodes.Count > 0).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var changes = new List<ContractChange>();
        foreach (var name in oldByName.Keys.Union(newByName.Keys).OrderBy(n => n, StringComparer.Ordinal))
        {
            var inOld = oldByName.TryGetValue(name, out var old);
            var inNew = newByName.TryGetValue(name, out var @new);
            if (inOld && inNew)
            {
                var diff = new ContractDiff(old!, @new!);
                diff.CompareNodes(old!.Spec.Nodes[0], @new!.Spec.Nodes[0], "(root)");
                changes.AddRange(diff._changes);
            }
            else if (inOld)
            {
                var rule = old!.Audience == ChangeAudience.RequestSenders ? ChangeRules.RequestSchemaRemoved : ChangeRules.ResponseSchemaRemoved;
                changes.Add(new ContractChange(rule, name, "(root)", "the schema file was removed", Place(old.Spec, old.Spec.Nodes[0]), null));
            }
            else
            {
                var rule = @new!.Audience == ChangeAudience.RequestSenders ? ChangeRules.RequestSchemaAdded : ChangeRules.ResponseSchemaAdded;
                changes.Add(new ContractChange(rule, name, "(root)", "the schema file was added", null, Place(@new.Spec, @new.Spec.Nodes[0])));
            }
        }

        return changes;
    }

    private static ChangePlace Place(SchemaFileSpec file, SchemaNodeSpec node) => new(node.Pointer, file.Location(node.Index));

    private ChangePlace OldPlace(SchemaNodeSpec node) => Place(_old.Spec, node);

    private ChangePlace NewPlace(SchemaNodeSpec node) => Place(_new.Spec, node);

    private SchemaNodeSpec OldNode(int index) => _old.Spec.Nodes[index];

    private SchemaNodeSpec NewNode(int index) => _new.Spec.Nodes[index];

    private bool Request => _audience == ChangeAudience.RequestSenders;

    private void Report(ChangeRule rule, string subject, string detail, ChangePlace? old, ChangePlace? @new)
        => _changes.Add(new ContractChange(rule, _new.Name, subject, detail, old, @new));

    private void Report(ChangeRule rule, string subject, string detail, SchemaNodeSpec old, SchemaNodeSpec @new)
        => Report(rule, subject, detail, OldPlace(old), NewPlace(@new));

    private void CompareNodes(SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        CompareRef(o, n, subject);
        CompareTypes(o, n, subject);
        CompareValues(o, n, subject);
        CompareNumericBounds(o, n, subject);
        CompareCount(ChangeRules.MinLength, "minLength", o.MinLength, n.MinLength, lower: true, o, n, subject);
        CompareCount(ChangeRules.MaxLength, "maxLength", o.MaxLength, n.MaxLength, lower: false, o, n, subject);
        CompareCount(ChangeRules.MinItems, "minItems", o.MinItems, n.MinItems, lower: true, o, n, subject);
        CompareCount(ChangeRules.MaxItems, "maxItems", o.MaxItems, n.MaxItems, lower: false, o, n, subject);
        CompareText(ChangeRules.Pattern, "pattern", o.Pattern, n.Pattern, o, n, subject);
        CompareText(ChangeRules.Format, "format", o.Format, n.Format, o, n, subject);
        CompareOpenness(o, n, subject);
        CompareProperties(o, n, subject);
        CompareChild(o.Items, n.Items, Join(subject, "[]"));
        for (var i = 0; i < Math.Min(o.PrefixItems.Count, n.PrefixItems.Count); i++)
        {
            CompareChild(o.PrefixItems[i], n.PrefixItems[i], Join(subject, "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
        }

        for (var i = 0; i < Math.Min(o.AllOf.Count, n.AllOf.Count); i++)
        {
            CompareChild(o.AllOf[i], n.AllOf[i], subject);
        }

        CompareAlternatives("oneOf", o.OneOf, n.OneOf, Request ? ChangeRules.RequestPropertyOneOfAdded : ChangeRules.ResponsePropertyOneOfAdded,
            Request ? ChangeRules.RequestPropertyOneOfRemoved : ChangeRules.ResponsePropertyOneOfRemoved, o, n, subject);
        CompareAlternatives("anyOf", o.AnyOf, n.AnyOf, Request ? ChangeRules.RequestPropertyAnyOfAdded : ChangeRules.ResponsePropertyAnyOfAdded,
            Request ? ChangeRules.RequestPropertyAnyOfRemoved : ChangeRules.ResponsePropertyAnyOfRemoved, o, n, subject);
        CompareDefinitions(o, n);
    }

    private void CompareChild(int? oldIndex, int? newIndex, string subject)
    {
        if (oldIndex is int o && newIndex is int n)
        {
            CompareNodes(OldNode(o), NewNode(n), subject);
        }
    }

    private static string Join(string subject, string name)
        => subject == "(root)" ? name : name.StartsWith("[", StringComparison.Ordinal) ? subject + name : subject + "." + name;

    private void CompareRef(SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        if (!string.Equals(o.Ref, n.Ref, StringComparison.Ordinal))
        {
            Report(Request ? ChangeRules.RequestPropertyRefChanged : ChangeRules.ResponsePropertyRefChanged, subject,
                $"$ref changed from {Show(o.Ref)} to {Show(n.Ref)}", o, n);
        }
    }

    private void CompareTypes(SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        // No "type" keyword allows every type; "number" includes "integer".
        static JsonTypes Effective(JsonTypes t)
        {
            var all = JsonTypes.Null | JsonTypes.Boolean | JsonTypes.Object | JsonTypes.Array | JsonTypes.Number | JsonTypes.String | JsonTypes.Integer;
            var effective = t == JsonTypes.None ? all : t;
            return (effective & JsonTypes.Number) != 0 ? effective | JsonTypes.Integer : effective;
        }

        var before = Effective(o.Types);
        var after = Effective(n.Types);
        if (before == after)
        {
            return;
        }

        var nullBefore = (before & JsonTypes.Null) != 0;
        var nullAfter = (after & JsonTypes.Null) != 0;
        if (nullBefore != nullAfter)
        {
            var rule = Request
                ? (nullAfter ? ChangeRules.RequestPropertyBecameNullable : ChangeRules.RequestPropertyBecameNotNullable)
                : (nullAfter ? ChangeRules.ResponsePropertyBecameNullable : ChangeRules.ResponsePropertyBecameNotNullable);
            Report(rule, subject, nullAfter ? "null is now allowed" : "null is no longer allowed", o, n);
        }

        var baseBefore = before & ~JsonTypes.Null;
        var baseAfter = after & ~JsonTypes.Null;
        if (baseBefore == baseAfter)
        {
            return;
        }

        var narrowed = (baseBefore & ~baseAfter) != 0;
        var widened = (baseAfter & ~baseBefore) != 0;
        var detail = $"type changed from {ShowTypes(o.Types)} to {ShowTypes(n.Types)}";
        var changedRule = Request
            ? (narrowed ? ChangeRules.RequestPropertyTypeChanged : ChangeRules.RequestPropertyTypeGeneralized)
            : (widened ? ChangeRules.ResponsePropertyTypeChanged : ChangeRules.ResponsePropertyTypeSpecialized);
        Report(changedRule, subject, detail, o, n);
    }

    private static string ShowTypes(JsonTypes types)
    {
        if (types == JsonTypes.None)
        {
            return "any";
        }

        var names = Enum.GetValues(typeof(JsonTypes)).Cast<JsonTypes>()
            .Where(t => t != JsonTypes.None && (types & t) != 0)
            .Select(t => t.ToString().ToLowerInvariant());
        return "[" + string.Join(", ", names) + "]";
    }

    private void CompareValues(SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        if (o.HasEnum && n.HasEnum)
        {
            foreach (var removed in o.Enum.Where(v => !n.Enum.Contains(v)))
            {
                Report(Request ? ChangeRules.RequestPropertyEnumValueRemoved : ChangeRules.ResponsePropertyEnumValueRemoved, subject,
                    $"enum value {removed} was removed", o, n);
            }

            foreach (var added in n.Enum.Where(v => !o.Enum.Contains(v)))
            {
                Report(Request ? ChangeRules.RequestPropertyEnumValueAdded : ChangeRules.ResponsePropertyEnumValueAdded, subject,
                    $"enum value {added} was added", o, n);
            }
        }

        else if (o.HasEnum != n.HasEnum)
        {
            var rule = Request
                ? (n.HasEnum ? ChangeRules.RequestPropertyEnumAdded : ChangeRules.RequestPropertyEnumRemoved)
                : (n.HasEnum ? ChangeRules.ResponsePropertyEnumAdded : ChangeRules.ResponsePropertyEnumRemoved);
            Report(rule, subject, n.HasEnum ? $"values restricted to [{string.Join(", ", n.Enum)}]" : $"the enum [{string.Join(", ", o.Enum)}] was removed", o, n);
        }

        if (!Equals(o.Const, n.Const))
        {
            Report(Request ? ChangeRules.RequestPropertyConstChanged : ChangeRules.ResponsePropertyConstChanged, subject,
                $"const changed from {o.Const?.Json ?? "(none)"} to {n.Const?.Json ?? "(none)"}", o, n);
        }
    }

    /// <summary>A numeric bound: its value and whether it is exclusive. Null means unbounded.</summary>
    private readonly record struct Bound(double Value, bool Exclusive);

    private static Bound? Tighter(string? inclusive, string? exclusive, bool lower)
    {
        Bound? a = Parse(inclusive, exclusive: false);
        Bound? b = Parse(exclusive, exclusive: true);
        if (a is null || b is null)
        {
            return a ?? b;
        }

        // The stricter of the two: for a lower bound the larger, at equal values the exclusive one.
        var aValue = a.Value.Value;
        var bValue = b.Value.Value;
        if (aValue == bValue)
        {
            return b;
        }

        return (aValue > bValue) == lower ? a : b;
    }

    private static Bound? Parse(string? text, bool exclusive)
        => text != null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new Bound(value, exclusive)
            : null;

    private void CompareNumericBounds(SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        CompareBound(ChangeRules.Min, "lower bound", Tighter(o.Minimum, o.ExclusiveMinimum, lower: true), Tighter(n.Minimum, n.ExclusiveMinimum, lower: true), lower: true, o, n, subject);
        CompareBound(ChangeRules.Max, "upper bound", Tighter(o.Maximum, o.ExclusiveMaximum, lower: false), Tighter(n.Maximum, n.ExclusiveMaximum, lower: false), lower: false, o, n, subject);
    }

    private void CompareBound(ChangeRules.Bounds rules, string what, Bound? before, Bound? after, bool lower, SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        if (before is null && after is null)
        {
            return;
        }

        bool tightened;
        if (before is null || after is null)
        {
            tightened = after != null;
        }
        else if (before.Value.Value != after.Value.Value)
        {
            tightened = (after.Value.Value > before.Value.Value) == lower;
        }
        else if (before.Value.Exclusive != after.Value.Exclusive)
        {
            tightened = after.Value.Exclusive;
        }
        else
        {
            return;
        }

        string Show(Bound? b) => b is null ? "none" : (lower ? (b.Value.Exclusive ? "> " : ">= ") : (b.Value.Exclusive ? "< " : "<= ")) + Number(b.Value);
        Report(rules.Pick(_audience, tightened), subject, $"{what} changed from {Show(before)} to {Show(after)}", o, n);
    }

    private static string Number(Bound bound) => bound.Value.ToString("R", CultureInfo.InvariantCulture);

    private void CompareCount(ChangeRules.Bounds rules, string keyword, long? before, long? after, bool lower, SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        // An absent lower count is 0; an absent upper count is unbounded.
        var b = before ?? (lower ? 0 : long.MaxValue);
        var a = after ?? (lower ? 0 : long.MaxValue);
        if (a == b)
        {
            return;
        }

        var tightened = lower ? a > b : a < b;
        Report(rules.Pick(_audience, tightened), subject, $"{keyword} changed from {Show(before)} to {Show(after)}", o, n);

        static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";
    }

    private void CompareText(ChangeRules.Annotation rules, string keyword, string? before, string? after, SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            Report(rules.Pick(_audience, before, after), subject, $"{keyword} changed from {Show(before)} to {Show(after)}", o, n);
        }
    }

    private static string Show(string? text) => text is null ? "(none)" : "'" + text + "'";

    private void CompareOpenness(SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        var closedBefore = IsClosed(o, OldNode);
        var closedAfter = IsClosed(n, NewNode);
        if (closedBefore != closedAfter)
        {
            var rule = Request
                ? (closedAfter ? ChangeRules.RequestAdditionalPropertiesClosed : ChangeRules.RequestAdditionalPropertiesOpened)
                : (closedAfter ? ChangeRules.ResponseAdditionalPropertiesClosed : ChangeRules.ResponseAdditionalPropertiesOpened);
            Report(rule, subject, closedAfter ? "unknown properties are no longer allowed" : "unknown properties are now allowed", o, n);
        }

        CompareChild(o.AdditionalProperties, n.AdditionalProperties, Join(subject, "*"));
    }

    private static bool IsClosed(SchemaNodeSpec node, Func<int, SchemaNodeSpec> nodeAt)
        => (node.AdditionalProperties is int a && nodeAt(a).BooleanValue == false)
            || (node.UnevaluatedProperties is int u && nodeAt(u).BooleanValue == false);

    private void CompareProperties(SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        var before = o.Properties.ToDictionary(p => p.Name, p => p.Node, StringComparer.Ordinal);
        var after = n.Properties.ToDictionary(p => p.Name, p => p.Node, StringComparer.Ordinal);
        foreach (var property in o.Properties.Where(p => !after.ContainsKey(p.Name)))
        {
            var wasRequired = o.Required.Contains(property.Name);
            var rule = Request ? ChangeRules.RequestPropertyRemoved
                : wasRequired ? ChangeRules.ResponseRequiredPropertyRemoved : ChangeRules.ResponseOptionalPropertyRemoved;
            Report(rule, Join(subject, property.Name), $"the {(wasRequired ? "required" : "optional")} property was removed", OldPlace(OldNode(property.Node)), NewPlace(n));
        }

        foreach (var property in n.Properties.Where(p => !before.ContainsKey(p.Name)))
        {
            var isRequired = n.Required.Contains(property.Name);
            var rule = Request
                ? (isRequired ? ChangeRules.NewRequiredRequestProperty : ChangeRules.NewOptionalRequestProperty)
                : (isRequired ? ChangeRules.ResponseRequiredPropertyAdded : ChangeRules.ResponseOptionalPropertyAdded);
            Report(rule, Join(subject, property.Name), isRequired ? "a required property was added" : "an optional property was added", OldPlace(o), NewPlace(NewNode(property.Node)));
        }

        foreach (var property in n.Properties.Where(p => before.ContainsKey(p.Name)))
        {
            var oldNode = OldNode(before[property.Name]);
            var newNode = NewNode(property.Node);
            var name = Join(subject, property.Name);
            var wasRequired = o.Required.Contains(property.Name);
            var isRequired = n.Required.Contains(property.Name);
            if (wasRequired != isRequired)
            {
                var rule = Request
                    ? (isRequired ? ChangeRules.RequestPropertyBecameRequired : ChangeRules.RequestPropertyBecameOptional)
                    : (isRequired ? ChangeRules.ResponsePropertyBecameRequired : ChangeRules.ResponsePropertyBecameOptional);
                Report(rule, name, isRequired ? "the property became required" : "the property became optional", oldNode, newNode);
            }

            CompareNodes(oldNode, newNode, name);
        }
    }

    private void CompareAlternatives(string keyword, EquatableArray<int> before, EquatableArray<int> after, ChangeRule added, ChangeRule removed,
        SchemaNodeSpec o, SchemaNodeSpec n, string subject)
    {
        if (before.IsEmpty && after.IsEmpty)
        {
            return;
        }

        // Alternatives are paired by what identifies them ($ref, else title, else position), so a reorder is no change.
        var oldKeys = before.Select((node, i) => (Key: AlternativeKey(OldNode(node), i), Node: node)).ToList();
        var newKeys = after.Select((node, i) => (Key: AlternativeKey(NewNode(node), i), Node: node)).ToList();
        foreach (var alternative in oldKeys.Where(a => newKeys.All(b => b.Key != a.Key)))
        {
            Report(removed, subject, $"{keyword} alternative {alternative.Key} was removed", OldPlace(OldNode(alternative.Node)), NewPlace(n));
        }

        foreach (var alternative in newKeys.Where(a => oldKeys.All(b => b.Key != a.Key)))
        {
            Report(added, subject, $"{keyword} alternative {alternative.Key} was added", OldPlace(o), NewPlace(NewNode(alternative.Node)));
        }

        foreach (var alternative in newKeys)
        {
            var match = oldKeys.FirstOrDefault(a => a.Key == alternative.Key);
            if (match.Key != null)
            {
                CompareNodes(OldNode(match.Node), NewNode(alternative.Node), subject);
            }
        }
    }

    private static string AlternativeKey(SchemaNodeSpec node, int position)
        => node.Ref != null ? "'" + node.Ref + "'"
            : node.Title != null ? "'" + node.Title + "'"
            : node.Const != null ? node.Const.Json
            : "#" + position.ToString(CultureInfo.InvariantCulture);

    private void CompareDefinitions(SchemaNodeSpec o, SchemaNodeSpec n)
    {
        var after = n.Defs.ToDictionary(d => d.Name, d => d.Node, StringComparer.Ordinal);
        var before = o.Defs.ToDictionary(d => d.Name, d => d.Node, StringComparer.Ordinal);
        foreach (var definition in o.Defs)
        {
            var subject = "$defs/" + definition.Name;
            if (after.TryGetValue(definition.Name, out var newIndex))
            {
                CompareNodes(OldNode(definition.Node), NewNode(newIndex), subject);
            }
            else
            {
                Report(Request ? ChangeRules.RequestDefinitionRemoved : ChangeRules.ResponseDefinitionRemoved, subject,
                    "the $defs entry was removed", OldPlace(OldNode(definition.Node)), NewPlace(n));
            }
        }

        foreach (var definition in n.Defs.Where(d => !before.ContainsKey(d.Name)))
        {
            Report(Request ? ChangeRules.RequestDefinitionAdded : ChangeRules.ResponseDefinitionAdded, "$defs/" + definition.Name,
                "a $defs entry was added", OldPlace(o), NewPlace(NewNode(definition.Node)));
        }
    }
}
