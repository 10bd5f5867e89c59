using System.Reflection;
using System.Text.Json.Nodes;
using CsCheck;
using WooshPay.Contracts.Generator.Parsing;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Conformance;

/// <summary>
/// The format vocabulary has one source of truth: the generator knows (does not report WPC008 for) exactly
/// the formats the emitted FormatChecker checks, and each of them has its own RFC-sourced cases in
/// format-assertions.json (which the conformance run executes).
/// </summary>
public sealed class FormatVocabularyTests
{
    /// <summary>All 19 formats of the draft 2020-12 format vocabulary (Validation section 7.3).</summary>
    private static readonly string[] s_vocabulary =
    {
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer",
        "relative-json-pointer", "regex",
    };

    // The schema names every known format, so every optional part of the format checks is emitted (see SupportParts).
    private static readonly Lazy<System.Reflection.Assembly> s_runtime = new(() => GeneratorHarness.Load(
        GeneratorHarness.Run(new[] { new SchemaInput("/s/a.schema.json",
            """{"title": "A", "type": "string", "anyOf": [""" + string.Join(", ", SchemaParser.KnownFormats.Select(f => $$"""{"format": "{{f}}"}""")) + "]}") }).Compilation));

    private static readonly Lazy<Type> s_formatChecker = new(() => s_runtime.Value.GetType(GeneratorHarness.DefaultNamespace + ".Runtime.FormatChecker")!);

    /// <summary>Characters that exercise every IDNA rule: ASCII, Latin, Greek, Hebrew, Arabic, Devanagari, kana, Han, joiners, marks, upper case.</summary>
    private const string LabelCharacters = "abl09-\u00e9\u00fc\u00df\u03b1\u03c2\u0375\u00b7\u05d0\u05f3\u0628\u0660\u06f1\u0915\u094d\u200c\u200d\u0301\u0316\u30a2\u30fb\u4f8bA\u00c4";

    [Fact]
    public void The_parser_knows_exactly_the_formats_the_runtime_checks()
    {
        var checkedFormats = (string[])s_formatChecker.Value.GetField("Names", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        Assert.Equal(checkedFormats.OrderBy(f => f, StringComparer.Ordinal), SchemaParser.KnownFormats.OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_format_of_the_2020_12_vocabulary_is_known()
        => Assert.Equal(s_vocabulary.OrderBy(f => f, StringComparer.Ordinal), SchemaParser.KnownFormats.OrderBy(f => f, StringComparer.Ordinal));

    [Fact]
    public void Every_known_format_really_checks_its_values()
    {
        // "[{" is no value of any format (an unclosed bracket or brace, no scheme, no "@", no leading "/"), so a
        // format that fell through to "not known here" would pass it.
        var isValid = IsValid();
        var passing = SchemaParser.KnownFormats.Where(f => isValid(f, "[{")).ToList();
        Assert.Empty(passing);
        Assert.True(isValid("x-unknown", "[{"));
    }

    [Fact]
    public void Every_known_format_has_cases_that_name_their_specification_section()
    {
        var groups = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.TestsProject, "Conformance", "format-assertions.json")))!.AsArray();
        foreach (var format in SchemaParser.KnownFormats)
        {
            var own = groups.Where(g => (string?)g!["schema"]!["format"] == format).ToList();
            Assert.True(own.Count > 0, $"format-assertions.json has no group for {format}");
            foreach (var group in own)
            {
                var description = (string)group!["description"]!;
                Assert.Matches(@"(RFC \d+|draft-[a-z-]+\d+|ECMA-262).* (section|Appendix) ", description);
            }

            var tests = own.SelectMany(g => g!["tests"]!.AsArray()).Where(t => t!["data"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out _)).ToList();
            Assert.True(tests.Any(t => (bool)t!["valid"]!) && tests.Any(t => !(bool)t!["valid"]!), $"{format} needs valid and invalid string cases");
        }
    }

    [Fact]
    public void A_label_and_U_label_checks_agree_through_Punycode()
    {
        // Encoding and decoding are separate code paths (RFC 3492 sections 6.2 and 6.3); for any label, the
        // U-label is a valid idn-hostname exactly when its A-label exists and is a valid hostname.
        var isValid = IsValid();
        var toALabel = s_runtime.Value.GetType(GeneratorHarness.DefaultNamespace + ".Runtime.Idna")!.GetMethod("ToALabel", BindingFlags.Public | BindingFlags.Static)!;
        Gen.String[Gen.Char[LabelCharacters], 1, 8].Where(label => label.Any(c => c > 0x7F)).Sample(label =>
        {
            var aLabel = (string?)toALabel.Invoke(null, new object[] { label });
            var uValid = isValid("idn-hostname", label);
            var aValid = aLabel != null && isValid("hostname", aLabel);
            return uValid == aValid;
        }, iter: 3000);
    }

    /// <summary>The runtime's check takes the value as a span, which reflection cannot pass: bind it to a delegate.</summary>
    private delegate bool FormatCheck(string format, ReadOnlySpan<char> value);

    private static FormatCheck IsValid()
        => s_formatChecker.Value.GetMethod("IsValid", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<FormatCheck>();
}
