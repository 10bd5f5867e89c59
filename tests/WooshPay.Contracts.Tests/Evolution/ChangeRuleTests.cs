using Xunit;
using WooshPay.Contracts.Generator.Evolution;

namespace WooshPay.Contracts.Tests.Evolution;

/// <summary>
/// Every rule of the catalogue, in each direction: one old and one new schema per case, compared once as a request
/// schema and once as a response schema, with the rule each side must get.
/// </summary>
public sealed class ChangeRuleTests
{
    /// <summary>A change: the root's properties and required list before and after, and the rule for each audience.</summary>
    public sealed record Case(string Name, string OldProperties, string NewProperties, string RequestRule, string ResponseRule,
        string OldRequired = "", string NewRequired = "", string OldExtra = "", string NewExtra = "")
    {
        public override string ToString() => Name;
    }

    private const string Defs = "\"$defs\": { \"a\": { \"type\": \"string\" }, \"b\": { \"type\": \"integer\" } }";

    public static readonly Case[] Cases =
    [
        new("optional property added", "", "\"p\": { \"type\": \"string\" }", "new-optional-request-property", "response-optional-property-added"),
        new("required property added", "", "\"p\": { \"type\": \"string\" }", "new-required-request-property", "response-required-property-added", NewRequired: "\"p\""),
        new("optional property removed", "\"p\": { \"type\": \"string\" }", "", "request-property-removed", "response-optional-property-removed"),
        new("required property removed", "\"p\": { \"type\": \"string\" }", "", "request-property-removed", "response-required-property-removed", OldRequired: "\"p\""),
        new("property became required", "\"p\": {}", "\"p\": {}", "request-property-became-required", "response-property-became-required", NewRequired: "\"p\""),
        new("property became optional", "\"p\": {}", "\"p\": {}", "request-property-became-optional", "response-property-became-optional", OldRequired: "\"p\""),
        new("type narrowed", "\"p\": { \"type\": [\"string\", \"integer\"] }", "\"p\": { \"type\": \"string\" }", "request-property-type-changed", "response-property-type-specialized"),
        new("type widened", "\"p\": { \"type\": \"integer\" }", "\"p\": { \"type\": \"number\" }", "request-property-type-generalized", "response-property-type-changed"),
        new("became nullable", "\"p\": { \"type\": \"string\" }", "\"p\": { \"type\": [\"string\", \"null\"] }", "request-property-became-nullable", "response-property-became-nullable"),
        new("became not nullable", "\"p\": { \"type\": [\"string\", \"null\"] }", "\"p\": { \"type\": \"string\" }", "request-property-became-not-nullable", "response-property-became-not-nullable"),
        new("enum value added", "\"p\": { \"enum\": [\"a\"] }", "\"p\": { \"enum\": [\"a\", \"b\"] }", "request-property-enum-value-added", "response-property-enum-value-added"),
        new("enum value removed", "\"p\": { \"enum\": [\"a\", \"b\"] }", "\"p\": { \"enum\": [\"a\"] }", "request-property-enum-value-removed", "response-property-enum-value-removed"),
        new("enum introduced", "\"p\": { \"type\": \"string\" }", "\"p\": { \"type\": \"string\", \"enum\": [\"a\"] }", "request-property-enum-added", "response-property-enum-added"),
        new("enum dropped", "\"p\": { \"enum\": [\"a\"] }", "\"p\": {}", "request-property-enum-removed", "response-property-enum-removed"),
        new("const changed", "\"p\": { \"const\": \"a\" }", "\"p\": { \"const\": \"b\" }", "request-property-const-changed", "response-property-const-changed"),
        new("minimum raised", "\"p\": { \"minimum\": 1 }", "\"p\": { \"minimum\": 2 }", "request-property-min-increased", "response-property-min-increased"),
        new("minimum made exclusive", "\"p\": { \"minimum\": 1 }", "\"p\": { \"exclusiveMinimum\": 1 }", "request-property-min-increased", "response-property-min-increased"),
        new("minimum lowered", "\"p\": { \"minimum\": 2 }", "\"p\": { \"minimum\": 1.5 }", "request-property-min-decreased", "response-property-min-decreased"),
        new("maximum set", "\"p\": { \"type\": \"integer\" }", "\"p\": { \"type\": \"integer\", \"maximum\": 99 }", "request-property-max-decreased", "response-property-max-decreased"),
        new("maximum made inclusive", "\"p\": { \"exclusiveMaximum\": 10 }", "\"p\": { \"maximum\": 10 }", "request-property-max-increased", "response-property-max-increased"),
        new("minLength raised", "\"p\": { \"minLength\": 1 }", "\"p\": { \"minLength\": 3 }", "request-property-min-length-increased", "response-property-min-length-increased"),
        new("minLength removed", "\"p\": { \"minLength\": 3 }", "\"p\": {}", "request-property-min-length-decreased", "response-property-min-length-decreased"),
        new("maxLength lowered", "\"p\": { \"maxLength\": 1000 }", "\"p\": { \"maxLength\": 500 }", "request-property-max-length-decreased", "response-property-max-length-decreased"),
        new("maxLength raised", "\"p\": { \"maxLength\": 500 }", "\"p\": { \"maxLength\": 5000 }", "request-property-max-length-increased", "response-property-max-length-increased"),
        new("minItems raised", "\"p\": { \"type\": \"array\" }", "\"p\": { \"type\": \"array\", \"minItems\": 1 }", "request-property-min-items-increased", "response-property-min-items-increased"),
        new("minItems lowered", "\"p\": { \"minItems\": 2 }", "\"p\": { \"minItems\": 1 }", "request-property-min-items-decreased", "response-property-min-items-decreased"),
        new("maxItems lowered", "\"p\": { \"maxItems\": 20 }", "\"p\": { \"maxItems\": 10 }", "request-property-max-items-decreased", "response-property-max-items-decreased"),
        new("maxItems removed", "\"p\": { \"maxItems\": 10 }", "\"p\": {}", "request-property-max-items-increased", "response-property-max-items-increased"),
        new("pattern added", "\"p\": { \"type\": \"string\" }", "\"p\": { \"type\": \"string\", \"pattern\": \"^pi_\" }", "request-property-pattern-added", "response-property-pattern-added"),
        new("pattern removed", "\"p\": { \"pattern\": \"^pi_\" }", "\"p\": {}", "request-property-pattern-removed", "response-property-pattern-removed"),
        new("pattern changed", "\"p\": { \"pattern\": \"^pi_[0-9]+$\" }", "\"p\": { \"pattern\": \"^pi_[0-9]{19}$\" }", "request-property-pattern-changed", "response-property-pattern-changed"),
        new("format added", "\"p\": { \"type\": \"string\" }", "\"p\": { \"type\": \"string\", \"format\": \"uri\" }", "request-property-format-added", "response-property-format-added"),
        new("format removed", "\"p\": { \"format\": \"uri\" }", "\"p\": {}", "request-property-format-removed", "response-property-format-removed"),
        new("format changed", "\"p\": { \"format\": \"uri\" }", "\"p\": { \"format\": \"email\" }", "request-property-format-changed", "response-property-format-changed"),
        new("object closed", "\"p\": { \"type\": \"object\" }", "\"p\": { \"type\": \"object\", \"additionalProperties\": false }",
            "request-property-additional-properties-closed", "response-property-additional-properties-closed"),
        new("object opened", "\"p\": { \"type\": \"object\", \"additionalProperties\": false }", "\"p\": { \"type\": \"object\", \"additionalProperties\": true }",
            "request-property-additional-properties-opened", "response-property-additional-properties-opened"),
        new("$ref retargeted", "\"p\": { \"$ref\": \"#/$defs/a\" }", "\"p\": { \"$ref\": \"#/$defs/b\" }", "request-property-ref-changed", "response-property-ref-changed",
            OldExtra: Defs, NewExtra: Defs),
        new("oneOf alternative added", "\"p\": { \"oneOf\": [{ \"const\": \"a\" }] }", "\"p\": { \"oneOf\": [{ \"const\": \"a\" }, { \"const\": \"b\" }] }",
            "request-property-one-of-added", "response-property-one-of-added"),
        new("oneOf alternative removed", "\"p\": { \"oneOf\": [{ \"const\": \"a\" }, { \"const\": \"b\" }] }", "\"p\": { \"oneOf\": [{ \"const\": \"b\" }] }",
            "request-property-one-of-removed", "response-property-one-of-removed"),
        new("anyOf alternative added", "\"p\": { \"anyOf\": [{ \"type\": \"null\", \"title\": \"none\" }] }",
            "\"p\": { \"anyOf\": [{ \"type\": \"null\", \"title\": \"none\" }, { \"$ref\": \"#/$defs/a\" }] }",
            "request-property-any-of-added", "response-property-any-of-added", OldExtra: Defs, NewExtra: Defs),
        new("anyOf alternative removed", "\"p\": { \"anyOf\": [{ \"$ref\": \"#/$defs/a\" }, { \"$ref\": \"#/$defs/b\" }] }", "\"p\": { \"anyOf\": [{ \"$ref\": \"#/$defs/b\" }] }",
            "request-property-any-of-removed", "response-property-any-of-removed", OldExtra: Defs, NewExtra: Defs),
        new("$defs entry removed", "", "", "request-definition-removed", "response-definition-removed", OldExtra: Defs,
            NewExtra: "\"$defs\": { \"b\": { \"type\": \"integer\" } }"),
        new("$defs entry added", "", "", "request-definition-added", "response-definition-added",
            OldExtra: "\"$defs\": { \"b\": { \"type\": \"integer\" } }", NewExtra: Defs),
    ];

    public static TheoryData<Case> All => new(Cases);

    [Theory]
    [MemberData(nameof(All))]
    public void Request_senders_get_the_request_rule(Case change)
        => Assert.Equal([change.RequestRule], RuleIds(change, "thing.create.request.schema.json"));

    [Theory]
    [MemberData(nameof(All))]
    public void Response_readers_get_the_response_rule(Case change)
        => Assert.Equal([change.ResponseRule], RuleIds(change, "thing.schema.json"));

    [Fact]
    public void Every_rule_of_the_catalogue_has_a_case_or_a_test_of_its_own()
    {
        var covered = Cases.SelectMany(c => new[] { c.RequestRule, c.ResponseRule })
            .Concat(["request-schema-removed", "response-schema-removed", "request-schema-added", "response-schema-added"]);
        Assert.Empty(ChangeRules.All.Select(r => r.Id).Except(covered));
    }

    [Fact]
    public void Rule_ids_are_unique_and_say_their_audience()
    {
        Assert.Equal(ChangeRules.All.Count, ChangeRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(ChangeRules.All, r => Assert.Contains(r.Audience == ChangeAudience.RequestSenders ? "request" : "response", r.Id));
    }

    [Fact]
    public void A_title_ending_in_Request_makes_a_request_schema()
    {
        var document = EvolutionFixtures.Document("refund_input.schema.json", "{ \"title\": \"RefundCreateRequest\", \"type\": \"object\" }");
        Assert.Equal(ChangeAudience.RequestSenders, document.Audience);
        Assert.Equal(ChangeAudience.ResponseReaders, EvolutionFixtures.Document("refund.schema.json", "{ \"title\": \"Refund\" }").Audience);
    }

    [Fact]
    public void Removed_and_added_files_are_reported_for_their_audience()
    {
        var request = EvolutionFixtures.Document("a.request.schema.json", "{}");
        var response = EvolutionFixtures.Document("b.schema.json", "{}");
        Assert.Equal(["request-schema-removed", "response-schema-removed"], ContractDiff.Compare([request, response], []).Select(c => c.Rule.Id));
        Assert.Equal(["request-schema-added", "response-schema-added"], ContractDiff.Compare([], [request, response]).Select(c => c.Rule.Id));
    }

    [Fact]
    public void A_change_deep_inside_is_found_with_its_path_pointers_and_lines()
    {
        const string before = """
            {
              "type": "object",
              "properties": {
                "line_items": {
                  "type": "array",
                  "items": {
                    "properties": {
                      "price": { "properties": { "currency": { "enum": ["CNY", "HKD"] } } }
                    }
                  }
                }
              }
            }
            """;
        var after = before.Replace("[\"CNY\", \"HKD\"]", "[\"CNY\"]");
        var change = Assert.Single(ContractDiff.Compare(
            [EvolutionFixtures.Document("s.request.schema.json", before)], [EvolutionFixtures.Document("s.request.schema.json", after)]));
        Assert.Equal("request-property-enum-value-removed", change.Rule.Id);
        Assert.Equal("line_items[].price.currency", change.Subject);
        const string pointer = "/properties/line_items/items/properties/price/properties/currency";
        Assert.Equal(pointer, change.Old!.Pointer);
        Assert.Equal(pointer, change.New!.Pointer);
        Assert.Equal(8, change.New.Line);
    }

    [Fact]
    public void A_removal_points_at_the_nearest_surviving_parent_in_the_new_version()
    {
        var before = EvolutionFixtures.Document("s.schema.json", "{\n  \"properties\": {\n    \"outer\": {\n      \"properties\": { \"gone\": {} },\n      \"required\": [\"gone\"]\n    }\n  }\n}");
        var after = EvolutionFixtures.Document("s.schema.json", "{\n  \"properties\": {\n    \"outer\": {\n      \"properties\": {}\n    }\n  }\n}");
        var change = Assert.Single(ContractDiff.Compare([before], [after]));
        Assert.Equal("response-required-property-removed", change.Rule.Id);
        Assert.Equal("/properties/outer/properties/gone", change.Old!.Pointer);
        Assert.Equal("/properties/outer", change.New!.Pointer);
        Assert.Equal(3, change.New.Line);
    }

    [Fact]
    public void Reordered_alternatives_and_unchanged_schemas_are_no_change()
    {
        var before = EvolutionFixtures.Document("s.schema.json", "{ \"anyOf\": [{ \"$ref\": \"#/$defs/a\" }, { \"type\": \"null\", \"title\": \"none\" }], " + Defs + " }");
        var after = EvolutionFixtures.Document("s.schema.json", "{ \"anyOf\": [{ \"type\": \"null\", \"title\": \"none\" }, { \"$ref\": \"#/$defs/a\" }], " + Defs + " }");
        Assert.Empty(ContractDiff.Compare([before], [after]));
        Assert.Empty(ContractDiff.Compare(EvolutionFixtures.Documents("v1"), EvolutionFixtures.Documents("v1")));
    }

    private static IReadOnlyList<string> RuleIds(Case change, string fileName)
    {
        static string Root(string properties, string required, string extra)
            => "{ \"type\": \"object\", \"properties\": { " + properties + " }, \"required\": [" + required + "]" + (extra.Length > 0 ? ", " + extra : string.Empty) + " }";

        var before = EvolutionFixtures.Document(fileName, Root(change.OldProperties, change.OldRequired, change.OldExtra));
        var after = EvolutionFixtures.Document(fileName, Root(change.NewProperties, change.NewRequired, change.NewExtra));
        return ContractDiff.Compare([before], [after]).Select(c => c.Rule.Id).ToList();
    }
}
