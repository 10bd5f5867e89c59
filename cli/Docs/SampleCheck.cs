using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using WooshPay.Contracts.Generator.Evolution;
using WooshPay.Contracts.Generator.Model;
using WooshPay.Contracts.Generator.Parsing;
using WooshPay.Contracts.Tool.Contracts;

namespace WooshPay.Contracts.Tool.Docs;

/// <summary>One way a published sample departs from the contract, at a place in the page.</summary>
/// <param name="Pointer">JSON Pointer into the sample ("" for the whole sample).</param>
/// <param name="Line">1-based line in the page (see <see cref="DocumentPage.LinesOf"/>).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Keyword">The schema keyword that failed, or "unknown-property" for a key the contract does not declare.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Suggestion">"Did you mean": the contract's name for a near-miss key, or the missing required properties.</param>
internal sealed record Drift(string Pointer, int Line, int Column, string Keyword, string Message, string? Suggestion);

/// <summary>What was decided for one code block and what was found in it.</summary>
internal sealed record BlockReport(CodeBlock Block, SchemaFileSpec? Schema, string Reason, Drift? SyntaxError, IReadOnlyList<Drift> Drifts);

/// <summary>Decides which schema a sample claims to follow, validates it, and looks for keys the contract does not know.</summary>
internal sealed partial class SampleCheck(ContractSet contract)
{
    private const int MaxSchemaDepth = 64;

    public BlockReport Check(CodeBlock block, SchemaFileSpec? forced)
    {
        var parsed = JsonTextParser.Parse(block.Text);
        var source = SourceText.From(block.Text);
        (int Line, int Column) At(TextSpan span)
        {
            var position = source.Lines.GetLinePosition(span.Start);
            return (block.Line + position.Line, position.Character + 1);
        }

        if (parsed.Value is null)
        {
            var (line, column) = At(parsed.ErrorSpan);
            return new BlockReport(block, null, "not valid JSON", new Drift("", line, column, "json", "not valid JSON: " + parsed.Error, null), []);
        }

        var (schema, reason) = forced is null ? Choose(block, parsed.Value) : (forced, "--schema");
        if (schema is null)
        {
            return new BlockReport(block, null, reason, null, []);
        }

        var places = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        IndexPlaces(parsed.Value, "", places);
        var drifts = new List<Drift>();
        var root = contract.LinkedFile(schema);
        FindUnknownKeys(parsed.Value, "", new[] { new SchemaNodeAddress(root.ClassName, 0) }, drifts, At);
        var unknown = drifts.Select(d => d.Pointer).ToHashSet(StringComparer.Ordinal);
        foreach (var error in contract.Validate(schema, block.Text).Errors)
        {
            // A key already reported as unknown (with its suggestion) is not reported again for the keyword that rejects it.
            if (unknown.Contains(error.InstanceLocation)
                && (error.Keyword is "additionalProperties" or "unevaluatedProperties" || error.KeywordLocation.Contains("/propertyNames", StringComparison.Ordinal)))
            {
                continue;
            }

            var (line, column) = places.TryGetValue(error.InstanceLocation, out var span) ? At(span) : (block.Line, 1);
            drifts.Add(new Drift(error.InstanceLocation, line, column, error.Keyword, error.Message, null));
        }

        return new BlockReport(block, schema, reason, null, drifts.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());
    }

    /// <summary>
    /// The schema a sample claims: its <c>object</c> field when a schema has that constant; else request or response
    /// (the label before the block, else whether it has an <c>id</c>), then the headings above it, then its keys.
    /// </summary>
    public (SchemaFileSpec? Schema, string Reason) Choose(CodeBlock block, JsonValue sample)
    {
        if (sample["object"] is { Kind: JsonKind.String } objectField)
        {
            if (contract.Files.FirstOrDefault(f => ObjectConstant(f) == objectField.Text) is { } byObject)
            {
                return (byObject, $"its \"object\" is \"{objectField.Text}\"");
            }
        }

        var label = block.Label ?? string.Empty;
        var isRequest = RequestLabel().IsMatch(label) || (!ResponseLabel().IsMatch(label) && sample["id"] is null);
        var shape = isRequest ? "request" : "response";
        var candidates = contract.Documents.Where(d => (d.Audience == ChangeAudience.RequestSenders) == isRequest && d.Spec.Nodes.Count > 0)
            .Select(d => d.Spec).ToList();
        foreach (var heading in block.Headings)
        {
            var normalized = Letters().Replace(heading.ToLowerInvariant(), string.Empty);
            var best = candidates
                .Select(f => (File: f, Score: HeadingScore(f, normalized)))
                .Where(c => c.Score > 0)
                .OrderByDescending(c => c.Score)
                .FirstOrDefault();
            if (best.File != null)
            {
                return (best.File, $"{shape} sample under heading \"{heading}\"");
            }
        }

        var keys = sample.Members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var byShape = candidates
            .Select(f => (File: f, Score: f.Nodes[0].Properties.Count(p => keys.Contains(p.Name))))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .FirstOrDefault();
        return byShape.File != null
            ? (byShape.File, $"{shape} sample whose keys best match ({byShape.Score} in common)")
            : (null, $"no {shape} schema matches its heading or keys (use --schema)");
    }

    private static int HeadingScore(SchemaFileSpec file, string heading)
    {
        // "PaymentIntentCreateRequest" names the resource "payment intent": the whole noun scores 2, its last word 1.
        var words = Words().Matches(Regex.Replace(file.Nodes[0].Title ?? string.Empty, "(Create)?Request$", string.Empty))
            .Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        return heading.Contains(string.Concat(words), StringComparison.Ordinal) ? 2 : heading.Contains(words[^1], StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>The string constant of a schema's <c>object</c> property ("payment_intent"), if it has one.</summary>
    private static string? ObjectConstant(SchemaFileSpec file)
    {
        if (file.Nodes.Count == 0 || file.Nodes[0].Properties.FirstOrDefault(p => p.Name == "object") is not { } property
            || file.Nodes[property.Node].Const is not { Kind: LiteralKind.String } constant)
        {
            return null;
        }

        return constant.Text;
    }

    private static void IndexPlaces(JsonValue value, string pointer, Dictionary<string, TextSpan> places)
    {
        places[pointer] = value.Span;
        foreach (var member in value.Members)
        {
            var child = pointer + "/" + Escape(member.Name);
            IndexPlaces(member.Value, child, places);
            places[child] = member.NameSpan; // a finding about a member points at its key
        }

        for (var i = 0; i < value.Items.Count; i++)
        {
            IndexPlaces(value.Items[i], pointer + "/" + i, places);
        }
    }

    private void FindUnknownKeys(JsonValue value, string pointer, IReadOnlyList<SchemaNodeAddress> schemas, List<Drift> drifts, Func<TextSpan, (int, int)> at)
    {
        var nodes = Expand(schemas);
        if (value.Kind == JsonKind.Array)
        {
            var items = nodes.Where(n => n.Node.Node.Items != null).Select(n => new SchemaNodeAddress(n.ClassName, n.Node.Node.Items!.Value)).ToList();
            for (var i = 0; i < value.Items.Count; i++)
            {
                FindUnknownKeys(value.Items[i], pointer + "/" + i, items, drifts, at);
            }

            return;
        }

        if (value.Kind != JsonKind.Object)
        {
            return;
        }

        var declared = nodes.SelectMany(n => n.Node.Node.Properties.Select(p => (p.Name, Address: new SchemaNodeAddress(n.ClassName, p.Node)))).ToList();
        var required = nodes.SelectMany(n => n.Node.Node.Required).Distinct().ToList();
        // Free-form maps (metadata) and objects the contract does not describe have no unknown keys.
        var open = nodes.Any(n => !n.Node.Node.PatternProperties.IsEmpty
            || (n.Node.Node.AdditionalProperties is int a && NodeAt(new SchemaNodeAddress(n.ClassName, a))?.Node.BooleanValue != false));
        var names = declared.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var member in value.Members)
        {
            var child = pointer + "/" + Escape(member.Name);
            if (names.Contains(member.Name))
            {
                FindUnknownKeys(member.Value, child, declared.Where(d => d.Name == member.Name).Select(d => d.Address).ToList(), drifts, at);
                continue;
            }

            if (open || names.Count == 0)
            {
                continue;
            }

            var missing = required.Where(r => value[r] is null).ToList();
            var suggestion = NearMiss.Suggest(member.Name, names)
                ?? (missing.Count > 0 ? "one of the missing required properties: " + string.Join(", ", missing) : null);
            var (line, column) = at(member.NameSpan);
            drifts.Add(new Drift(child, line, column, "unknown-property", $"'{member.Name}' is not a property of the contract here", suggestion));
        }
    }

    /// <summary>The schemas that apply to one value: each one, what its $ref leads to, and its allOf/anyOf/oneOf members.</summary>
    private List<(string ClassName, LinkedNodeSpec Node)> Expand(IReadOnlyList<SchemaNodeAddress> start)
    {
        var result = new List<(string, LinkedNodeSpec)>();
        var seen = new HashSet<SchemaNodeAddress>();
        var pending = new Stack<(SchemaNodeAddress Address, int Depth)>(start.Select(a => (a, 0)));
        while (pending.Count > 0)
        {
            var (address, depth) = pending.Pop();
            if (depth > MaxSchemaDepth || !seen.Add(address))
            {
                continue;
            }

            if (NodeAt(address) is not { } linked)
            {
                continue;
            }

            result.Add((address.SchemaClassName, linked));
            if (linked.Ref is { } target)
            {
                pending.Push((target, depth + 1));
            }

            foreach (var member in linked.Node.AllOf.Concat(linked.Node.AnyOf).Concat(linked.Node.OneOf))
            {
                pending.Push((new SchemaNodeAddress(address.SchemaClassName, member), depth + 1));
            }
        }

        return result;
    }

    private LinkedNodeSpec? NodeAt(SchemaNodeAddress address)
        => contract.Linked.SchemaFiles.FirstOrDefault(f => f.ClassName == address.SchemaClassName)?.Nodes[address.NodeIndex];

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    [GeneratedRegex("(요청|request|요구)", RegexOptions.IgnoreCase)]
    private static partial Regex RequestLabel();

    [GeneratedRegex("(응답|response|반환)", RegexOptions.IgnoreCase)]
    private static partial Regex ResponseLabel();

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex Letters();

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex Words();
}
