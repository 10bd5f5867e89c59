using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using WooshPay.Contracts.Generator.Diagnostics;
using WooshPay.Contracts.Generator.Model;

namespace WooshPay.Contracts.Generator.Parsing;

/// <summary>
/// Turns the text of one schema file into a <see cref="SchemaFileSpec"/>: a flat list of schema
/// nodes with every keyword checked, and a diagnostic at the exact token for anything wrong.
/// It sees one file only; references between files are the linker's job.
/// </summary>
internal sealed class SchemaParser
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Formats the generated validators assert (generator/Runtime/FormatChecker.cs); any other is WPC008.</summary>
    public static readonly IReadOnlyCollection<string> KnownFormats = new HashSet<string>(StringComparer.Ordinal)
    {
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer", "relative-json-pointer", "regex",
    };

    // Keywords that only annotate: accepted, kept where useful (title, description), never asserted.
    private static readonly HashSet<string> s_annotationKeywords = new(StringComparer.Ordinal)
    {
        "$schema", "$comment", "title", "description", "default", "examples", "deprecated",
        "readOnly", "writeOnly", "contentEncoding", "contentMediaType", "contentSchema",
        "x-sensitive",
    };

    private readonly string _path;
    private readonly SourceText _source;
    private readonly List<SchemaNodeSpec?> _nodes = new();
    private readonly List<NodePositions?> _positions = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();

    /// <summary>OpenAPI's "discriminator" is a keyword of OpenAPI components only; elsewhere it is an unknown keyword.</summary>
    private readonly bool _readsDiscriminator;

    private SchemaParser(string path, SourceText source, bool readsDiscriminator = false)
    {
        _path = path;
        _source = source;
        _readsDiscriminator = readsDiscriminator;
    }

    /// <summary>Parses one file. Never throws: problems become diagnostics on the returned spec.</summary>
    public static SchemaFileSpec Parse(string path, string text, string retrievalUri, SchemaFileOptions options)
    {
        var parser = new SchemaParser(path, SourceText.From(text));
        var result = JsonTextParser.Parse(text);
        if (result.Value is null)
        {
            parser.Report(DiagnosticDescriptors.InvalidJson, result.ErrorSpan, result.Error!);
            return parser.ToSpec(retrievalUri, options);
        }

        var (uri, _) = UriReference.SplitFragment(retrievalUri);
        parser.Visit(result.Value, string.Empty, uri, uri, string.Empty, insideUnknown: false);
        return parser.ToSpec(retrievalUri, options);
    }

    /// <summary>
    /// Parses one schema embedded in a larger document (a component of an OpenAPI document): <paramref name="root"/>
    /// is its value in the document's tree, so positions are the document's. Its "discriminator" mapping holds absolute
    /// references (the OpenAPI reader rewrites them). Never throws.
    /// </summary>
    public static SchemaFileSpec ParseEmbedded(string path, SourceText source, JsonValue root, string retrievalUri, SchemaFileOptions options)
    {
        var parser = new SchemaParser(path, source, readsDiscriminator: true);
        var (uri, _) = UriReference.SplitFragment(retrievalUri);
        parser.Visit(root, string.Empty, uri, uri, string.Empty, insideUnknown: false);
        return parser.ToSpec(retrievalUri, options);
    }

    private SchemaFileSpec ToSpec(string retrievalUri, SchemaFileOptions options)
        => new(_path, retrievalUri, options, _nodes.Select(n => n!).ToEquatableArray(), _positions.Select(p => p!).ToEquatableArray(), _diagnostics.ToEquatableArray());

    private int Visit(JsonValue value, string pointer, string resourceUri, string parentResourceUri, string resourcePointer, bool insideUnknown)
    {
        var index = _nodes.Count;
        _nodes.Add(null);
        _positions.Add(new NodePositions(LocationOf(value.Span), null, null, null));

        if (value.IsBoolean)
        {
            _nodes[index] = new SchemaNodeSpec
            {
                Index = index, Pointer = pointer, ResourceUri = resourceUri,
                ResourcePointer = resourcePointer, BooleanValue = value.Kind == JsonKind.True, InsideUnknownKeyword = insideUnknown,
            };
            return index;
        }

        if (value.Kind != JsonKind.Object)
        {
            ReportUnlessUnknown(insideUnknown, DiagnosticDescriptors.InvalidKeywordValue, value.Span, pointer.Length == 0 ? "(root)" : pointer, "an object or a boolean (a schema)");
            _nodes[index] = new SchemaNodeSpec
            {
                Index = index, Pointer = pointer, ResourceUri = resourceUri,
                ResourcePointer = resourcePointer, BooleanValue = true, InsideUnknownKeyword = insideUnknown,
            };
            return index;
        }

        ReportDuplicateKeys(value, insideUnknown);

        // $id starts a new resource: everything below resolves against it.
        if (!insideUnknown && value["$id"] is { } id)
        {
            if (id.Kind == JsonKind.String)
            {
                var resolved = UriReference.SplitFragment(UriReference.Resolve(parentResourceUri, id.Text!));
                if (!string.IsNullOrEmpty(resolved.Fragment))
                {
                    Report(DiagnosticDescriptors.InvalidKeywordValue, id.Span, "$id", "a URI without a fragment");
                }

                resourceUri = resolved.Uri;
                resourcePointer = string.Empty;
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, id.Span, "$id", "a string");
            }
        }

        string? dialectUri = null;
        if (!insideUnknown && value["$schema"] is { } dialect)
        {
            if (dialect.Kind != JsonKind.String)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, dialect.Span, "$schema", "a string");
            }
            else if (dialect.Text!.TrimEnd('#') != Draft202012)
            {
                // Another JSON Schema draft is WPC009 here; any other URI may be a 2020-12 meta-schema of the
                // compilation (with its own $vocabulary), which only the linker can tell.
                if (IsOtherPublishedDraft(dialect.Text!))
                {
                    Report(DiagnosticDescriptors.UnsupportedDialect, dialect.Span, dialect.Text!);
                }
                else
                {
                    dialectUri = UriReference.Resolve(resourceUri, dialect.Text!);
                    _positions[index] = _positions[index]! with { Dialect = LocationOf(dialect.Span) };
                }
            }
        }

        var ctx = new NodeContext(this, pointer, resourceUri, resourcePointer, insideUnknown);
        var node = new SchemaNodeSpec
        {
            Index = index,
            Pointer = pointer,
            ResourceUri = resourceUri,
            ResourcePointer = resourcePointer,
            InsideUnknownKeyword = insideUnknown,
            Dialect = dialectUri,
        };

        foreach (var member in value.Members)
        {
            node = ctx.Apply(node, member);
        }

        _nodes[index] = node;
        return index;
    }

    /// <summary>An enum or const value, decoded here once: the linker and the emitters only read it.</summary>
    private static LiteralSpec Literal(JsonValue value) => value.Kind switch
    {
        JsonKind.String => LiteralSpec.String(value.Text!),
        JsonKind.Number => LiteralSpec.Number(value.Text!),
        JsonKind.True => LiteralSpec.True,
        JsonKind.False => LiteralSpec.False,
        JsonKind.Array => LiteralSpec.Array(value.Items.Select(Literal).ToEquatableArray()),
        JsonKind.Object => LiteralSpec.Object(value.Members.Select(m => m.Name).ToEquatableArray(), value.Members.Select(m => Literal(m.Value)).ToEquatableArray()),
        _ => LiteralSpec.Null,
    };

    private static bool IsOtherPublishedDraft(string dialect)
        => Uri.TryCreate(dialect, UriKind.Absolute, out var uri)
            && string.Equals(uri.Host, "json-schema.org", StringComparison.OrdinalIgnoreCase)
            && !uri.AbsolutePath.StartsWith("/draft/2020-12/", StringComparison.Ordinal);

    private void ReportDuplicateKeys(JsonValue value, bool insideUnknown)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.Members)
        {
            if (!seen.Add(member.Name))
            {
                ReportUnlessUnknown(insideUnknown, DiagnosticDescriptors.DuplicateKey, member.NameSpan, member.Name);
            }
        }
    }

    private LocationInfo LocationOf(TextSpan span) => new(_path, span, _source.Lines.GetLinePositionSpan(span));

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationOf(span), args));

    private void ReportUnlessUnknown(bool insideUnknown, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        // Values under unknown keywords are not schemas unless a $ref points there: stay quiet about them.
        if (!insideUnknown)
        {
            Report(descriptor, span, args);
        }
    }

    /// <summary>Reads the keywords of one schema object.</summary>
    private sealed class NodeContext(SchemaParser parser, string pointer, string resourceUri, string resourcePointer, bool insideUnknown)
    {
        public SchemaNodeSpec Apply(SchemaNodeSpec node, JsonMember member)
        {
            var v = member.Value;
            var k = member.Name;
            switch (k)
            {
                case "$id":
                case "$schema":
                    return node; // handled before the keywords, as they change how the rest is read
                case "$vocabulary":
                    if (v.Kind != JsonKind.Object || v.Members.Any(vocabulary => !vocabulary.Value.IsBoolean))
                    {
                        Invalid(v, k, "an object whose values are true or false");
                        return node;
                    }

                    return node with { Vocabularies = v.Members.Select(vocabulary => vocabulary.Name).ToEquatableArray() };
                case "$ref":
                    if (String(v, k) is not { } r)
                    {
                        return node;
                    }

                    parser._positions[node.Index] = parser._positions[node.Index]! with { Ref = parser.LocationOf(v.Span) };
                    return node with { Ref = r };
                case "$dynamicRef":
                    if (String(v, k) is not { } d)
                    {
                        return node;
                    }

                    parser._positions[node.Index] = parser._positions[node.Index]! with { DynamicRef = parser.LocationOf(v.Span) };
                    return node with { DynamicRef = d };
                case "$anchor":
                    return node with { Anchor = Anchor(v, k) };
                case "$dynamicAnchor":
                    return node with { DynamicAnchor = Anchor(v, k) };
                case "$defs":
                    return node with { Defs = Named(v, k) };
                case "title":
                    parser._positions[node.Index] = parser._positions[node.Index]! with { Title = parser.LocationOf(v.Span) };
                    return node with { Title = v.Kind == JsonKind.String ? v.Text : null };
                case "description":
                    return node with { Description = v.Kind == JsonKind.String ? v.Text : null };
                case "type":
                    return node with { Types = Types(v) };
                case "enum":
                    if (v.Kind != JsonKind.Array)
                    {
                        Invalid(v, k, "an array");
                        return node;
                    }

                    parser._positions[node.Index] = parser._positions[node.Index]! with { Enum = parser.LocationOf(member.NameSpan) };
                    return node with { HasEnum = true, Enum = v.Items.Select(Literal).ToEquatableArray() };
                case "const":
                    return node with { Const = Literal(v) };
                case "minimum":
                    return node with { Minimum = Number(v, k) };
                case "maximum":
                    return node with { Maximum = Number(v, k) };
                case "exclusiveMinimum":
                    return node with { ExclusiveMinimum = Number(v, k) };
                case "exclusiveMaximum":
                    return node with { ExclusiveMaximum = Number(v, k) };
                case "multipleOf":
                    var m = Number(v, k);
                    if (m != null && (!double.TryParse(m, NumberStyles.Float, CultureInfo.InvariantCulture, out var divisor) || divisor <= 0))
                    {
                        Invalid(v, k, "a number greater than 0");
                        m = null;
                    }

                    return node with { MultipleOf = m };
                case "minLength":
                    return node with { MinLength = Count(v, k) };
                case "maxLength":
                    return node with { MaxLength = Count(v, k) };
                case "minItems":
                    return node with { MinItems = Count(v, k) };
                case "maxItems":
                    return node with { MaxItems = Count(v, k) };
                case "minProperties":
                    return node with { MinProperties = Count(v, k) };
                case "maxProperties":
                    return node with { MaxProperties = Count(v, k) };
                case "minContains":
                    return node with { MinContains = Count(v, k) };
                case "maxContains":
                    return node with { MaxContains = Count(v, k) };
                case "uniqueItems":
                    return node with { UniqueItems = Boolean(v, k) };
                case "x-sensitive":
                    return node with { Sensitive = Boolean(v, k) };
                case "pattern":
                    return node with { Pattern = Pattern(v, k) };
                case "format":
                    return node with { Format = Format(v, k) };
                case "required":
                    return node with { Required = Strings(v, k) };
                case "dependentRequired":
                    return node with { DependentRequired = DependentRequired(v, k) };
                case "properties":
                    return node with { Properties = Named(v, k) };
                case "patternProperties":
                    // A pattern that does not compile is reported and left out, never emitted.
                    var patterns = Named(v, k);
                    return node with
                    {
                        PatternProperties = patterns.Where(p => CheckPattern(p.Name, v.Members.First(m => m.Name == p.Name).NameSpan)).ToEquatableArray(),
                    };
                case "dependentSchemas":
                    return node with { DependentSchemas = Named(v, k) };
                case "additionalProperties":
                    return node with { AdditionalProperties = Sub(v, k) };
                case "propertyNames":
                    return node with { PropertyNames = Sub(v, k) };
                case "unevaluatedProperties":
                    return node with { UnevaluatedProperties = Sub(v, k) };
                case "prefixItems":
                    return node with { PrefixItems = List(v, k) };
                case "items":
                    return node with { Items = Sub(v, k) };
                case "contains":
                    return node with { Contains = Sub(v, k) };
                case "unevaluatedItems":
                    return node with { UnevaluatedItems = Sub(v, k) };
                case "allOf":
                    return node with { AllOf = List(v, k) };
                case "anyOf":
                    return node with { AnyOf = List(v, k) };
                case "oneOf":
                    return node with { OneOf = List(v, k) };
                case "not":
                    return node with { Not = Sub(v, k) };
                case "if":
                    return node with { If = Sub(v, k) };
                case "then":
                    return node with { Then = Sub(v, k) };
                case "else":
                    return node with { Else = Sub(v, k) };
                case "discriminator" when parser._readsDiscriminator && !insideUnknown:
                    if (Discriminator(v, k) is not { } discriminator)
                    {
                        return node;
                    }

                    parser._positions[node.Index] = parser._positions[node.Index]! with { Discriminator = parser.LocationOf(member.NameSpan) };
                    return node with { Discriminator = discriminator };
                default:
                    if (!s_annotationKeywords.Contains(k))
                    {
                        parser.ReportUnlessUnknown(insideUnknown, DiagnosticDescriptors.UnsupportedKeyword, member.NameSpan, k);
                    }

                    // Still read what looks like a schema there: a $ref may point into it.
                    VisitDetached(v, Child(k), ChildResourcePointer(k));
                    return node;
            }
        }

        private void VisitDetached(JsonValue v, string childPointer, string childResourcePointer)
        {
            if (v.Kind == JsonKind.Object)
            {
                parser.Visit(v, childPointer, resourceUri, resourceUri, childResourcePointer, insideUnknown: true);
            }
            else if (v.Kind == JsonKind.Array)
            {
                for (var i = 0; i < v.Items.Count; i++)
                {
                    var token = "/" + i.ToString(CultureInfo.InvariantCulture);
                    VisitDetached(v.Items[i], childPointer + token, childResourcePointer + token);
                }
            }
        }

        private string Child(string token) => pointer + "/" + JsonPointer.Escape(token);

        private string ChildResourcePointer(string token) => resourcePointer + "/" + JsonPointer.Escape(token);

        private int Sub(JsonValue v, string keyword) => SubAt(v, Child(keyword), ChildResourcePointer(keyword));

        private int SubAt(JsonValue v, string childPointer, string childResourcePointer)
            => parser.Visit(v, childPointer, resourceUri, resourceUri, childResourcePointer, insideUnknown);

        private EquatableArray<int> List(JsonValue v, string keyword)
        {
            if (v.Kind != JsonKind.Array || v.Items.Count == 0)
            {
                Invalid(v, keyword, "a non-empty array of schemas");
                return EquatableArray<int>.Empty;
            }

            var result = new List<int>();
            for (var i = 0; i < v.Items.Count; i++)
            {
                var token = i.ToString(CultureInfo.InvariantCulture);
                result.Add(SubAt(v.Items[i], Child(keyword) + "/" + token, ChildResourcePointer(keyword) + "/" + token));
            }

            return result.ToEquatableArray();
        }

        private EquatableArray<NamedSubschema> Named(JsonValue v, string keyword)
        {
            if (v.Kind != JsonKind.Object)
            {
                Invalid(v, keyword, "an object whose values are schemas");
                return EquatableArray<NamedSubschema>.Empty;
            }

            var result = new List<NamedSubschema>();
            foreach (var member in v.Members)
            {
                var token = "/" + JsonPointer.Escape(member.Name);
                result.Add(new NamedSubschema(member.Name, SubAt(member.Value, Child(keyword) + token, ChildResourcePointer(keyword) + token)));
            }

            return result.ToEquatableArray();
        }

        private JsonTypes Types(JsonValue v)
        {
            var values = v.Kind == JsonKind.Array ? v.Items : new[] { v };
            var types = JsonTypes.None;
            foreach (var item in values)
            {
                var type = item.Kind == JsonKind.String ? TypeFromName(item.Text!) : JsonTypes.None;
                if (type == JsonTypes.None)
                {
                    Invalid(item, "type", "one of \"null\", \"boolean\", \"object\", \"array\", \"number\", \"string\", \"integer\" or an array of them");
                    continue;
                }

                types |= type;
            }

            if (v.Kind == JsonKind.Array && v.Items.Count == 0)
            {
                Invalid(v, "type", "a type name or a non-empty array of them");
            }

            return types;
        }

        private static JsonTypes TypeFromName(string name) => name switch
        {
            "null" => JsonTypes.Null,
            "boolean" => JsonTypes.Boolean,
            "object" => JsonTypes.Object,
            "array" => JsonTypes.Array,
            "number" => JsonTypes.Number,
            "string" => JsonTypes.String,
            "integer" => JsonTypes.Integer,
            _ => JsonTypes.None,
        };

        private string? String(JsonValue v, string keyword)
        {
            if (v.Kind == JsonKind.String)
            {
                return v.Text;
            }

            Invalid(v, keyword, "a string");
            return null;
        }

        private string? Anchor(JsonValue v, string keyword)
        {
            var text = String(v, keyword);
            if (text != null && !Regex.IsMatch(text, "^[A-Za-z_][-A-Za-z0-9._]*$"))
            {
                Invalid(v, keyword, "a plain name (a letter or '_', then letters, digits, '-', '_' or '.')");
                return null;
            }

            return text;
        }

        private string? Number(JsonValue v, string keyword)
        {
            if (v.Kind == JsonKind.Number)
            {
                return v.Text;
            }

            Invalid(v, keyword, "a number");
            return null;
        }

        private long? Count(JsonValue v, string keyword)
        {
            // JSON Schema allows 1.0 where a non-negative integer is expected.
            if (v.Kind == JsonKind.Number
                && decimal.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && d >= 0 && d == decimal.Truncate(d))
            {
                return d > long.MaxValue ? long.MaxValue : (long)d;
            }

            Invalid(v, keyword, "a non-negative integer");
            return null;
        }

        private bool Boolean(JsonValue v, string keyword)
        {
            if (v.IsBoolean)
            {
                return v.Kind == JsonKind.True;
            }

            Invalid(v, keyword, "true or false");
            return false;
        }

        private EquatableArray<string> Strings(JsonValue v, string keyword)
        {
            if (v.Kind != JsonKind.Array || v.Items.Any(i => i.Kind != JsonKind.String))
            {
                Invalid(v, keyword, "an array of strings");
                return EquatableArray<string>.Empty;
            }

            return v.Items.Select(i => i.Text!).ToEquatableArray();
        }

        private EquatableArray<DependentRequirement> DependentRequired(JsonValue v, string keyword)
        {
            if (v.Kind != JsonKind.Object)
            {
                Invalid(v, keyword, "an object whose values are arrays of strings");
                return EquatableArray<DependentRequirement>.Empty;
            }

            return v.Members.Select(m => new DependentRequirement(m.Name, Strings(m.Value, keyword))).ToEquatableArray();
        }

        private string? Pattern(JsonValue v, string keyword)
        {
            var pattern = String(v, keyword);
            return pattern != null && CheckPattern(pattern, v.Span) ? pattern : null;
        }

        private bool CheckPattern(string pattern, TextSpan span)
        {
            try
            {
                _ = new Regex(PatternTranslator.ToDotNet(pattern), RegexOptions.CultureInvariant);
                return true;
            }
            catch (ArgumentException e)
            {
                parser.ReportUnlessUnknown(insideUnknown, DiagnosticDescriptors.InvalidPattern, span, pattern, e.Message);
                return false;
            }
        }

        private string? Format(JsonValue v, string keyword)
        {
            var format = String(v, keyword);
            if (format != null && !KnownFormats.Contains(format))
            {
                parser.ReportUnlessUnknown(insideUnknown, DiagnosticDescriptors.UnknownFormat, v.Span, format);
            }

            return format;
        }

        /// <summary>{"propertyName": string, "mapping": {value: reference}}; other members (OpenAPI extensions) are annotations.</summary>
        private DiscriminatorSpec? Discriminator(JsonValue v, string keyword)
        {
            var mapping = v["mapping"];
            if (v.Kind != JsonKind.Object || v["propertyName"] is not { Kind: JsonKind.String } property
                || (mapping is not null && (mapping.Kind != JsonKind.Object || mapping.Members.Any(m => m.Value.Kind != JsonKind.String))))
            {
                Invalid(v, keyword, "an object with a string 'propertyName' and an optional 'mapping' whose values are strings");
                return null;
            }

            var entries = mapping is null ? Enumerable.Empty<DiscriminatorMapping>() : mapping.Members.Select(m => new DiscriminatorMapping(m.Name, m.Value.Text!));
            return new DiscriminatorSpec(property.Text!, entries.ToEquatableArray());
        }

        private void Invalid(JsonValue v, string keyword, string expected)
            => parser.ReportUnlessUnknown(insideUnknown, DiagnosticDescriptors.InvalidKeywordValue, v.Span, keyword, expected);
    }
}
