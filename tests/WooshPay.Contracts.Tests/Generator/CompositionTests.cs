using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>
/// allOf in models: an allOf of object schemas is one class with the properties of every part, a lone allOf of a reference
/// has the referenced type, and an allOf with a part that is no plain object keeps the value whole. Validation still checks
/// every part, as JSON Schema does.
/// </summary>
public sealed class CompositionTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Order",
          "type": "object",
          "required": ["id", "billing"],
          "properties": {
            "id": { "type": "string" },
            "billing": { "allOf": [ { "$ref": "#/$defs/address" }, { "$ref": "#/$defs/contact" } ], "required": ["email"],
                         "properties": { "vat_number": { "type": "string" } } },
            "shipping": { "description": "Where the goods go.", "allOf": [ { "$ref": "#/$defs/address" } ] },
            "amount": { "allOf": [ { "type": "integer" }, { "minimum": 1 } ] },
            "mixed": { "allOf": [ { "$ref": "#/$defs/address" }, { "type": "string" } ] }
          },
          "$defs": {
            "address": { "type": "object", "required": ["line1"], "properties": { "line1": { "type": "string" }, "city": { "type": "string" } } },
            "contact": { "type": "object", "properties": { "email": { "type": "string", "format": "email" }, "city": { "type": "integer" } } }
          }
        }
        """;

    private static readonly Lazy<(GeneratorOutput Output, System.Reflection.Assembly Assembly)> s_generated = new(() =>
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/order.schema.json", Schema) });
        return (output, GeneratorHarness.Load(output.Compilation));
    });

    private static Type Type(string name) => s_generated.Value.Assembly.GetType("WooshPay.Contracts." + name)!;

    [Fact]
    public void An_allOf_of_objects_is_one_class_with_the_properties_of_every_part_in_schema_order()
    {
        var (output, _) = s_generated.Value;

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
        var billing = Type("Order").GetProperty("Billing")!.PropertyType;
        Assert.Equal("OrderBilling", billing.Name);
        Assert.Equal(new[] { "Line1", "City", "Email", "VatNumber", "AdditionalProperties" }, billing.GetProperties().Select(p => p.Name));
        // "city" is declared by two parts: the first declaration's type; "email" is required by the composition itself.
        Assert.Equal(typeof(string), billing.GetProperty("City")!.PropertyType);
        Assert.Equal(new[] { "Line1", "Email" }, billing.GetProperties().Where(IsRequired).Select(p => p.Name));
    }

    private static bool IsRequired(System.Reflection.PropertyInfo property)
        => property.CustomAttributes.Any(a => a.AttributeType.Name == "RequiredMemberAttribute");

    [Fact]
    public void A_lone_allOf_has_its_branch_type_and_a_part_that_is_no_object_keeps_the_value_whole()
    {
        var order = Type("Order");

        Assert.Equal(Type("Address"), order.GetProperty("Shipping")!.PropertyType);
        Assert.Equal(typeof(JsonElement?), order.GetProperty("Amount")!.PropertyType);
        Assert.Equal(typeof(JsonElement?), order.GetProperty("Mixed")!.PropertyType);
    }

    [Fact]
    public void A_composed_object_reads_and_writes_back_every_member()
    {
        const string json = """{"id":"o_1","billing":{"line1":"1 Main St","city":"Seoul","email":"a@example.com","vat_number":"KR1","note":"kept"},"shipping":{"line1":"2 Side St"}}""";

        var order = Type("Order").GetMethod("Parse", [typeof(string)])!.Invoke(null, [json])!;

        var billing = Type("Order").GetProperty("Billing")!.GetValue(order)!;
        Assert.Equal("a@example.com", billing.GetType().GetProperty("Email")!.GetValue(billing));
        var written = (string)order.GetType().GetMethod("ToJson")!.Invoke(order, [false])!;
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(written).RootElement), written);
    }

    [Fact]
    public void Validation_checks_every_part_as_written()
    {
        var validator = new GeneratedValidator(s_generated.Value.Assembly, "OrderSchema");

        foreach (var checker in new[] { validator, validator.Interpreted })
        {
            Assert.True(checker.Validate("""{"id":"o_1","billing":{"line1":"x","email":"a@example.com"}}""").IsValid);
            // "city" must be a string (address) and an integer (contact): no value is both.
            Assert.False(checker.Validate("""{"id":"o_1","billing":{"line1":"x","email":"a@example.com","city":"Seoul"}}""").IsValid);
            var errors = checker.Validate("""{"id":"o_1","billing":{"city":"Seoul"},"amount":0}""").Errors;
            Assert.Equal(new[] { "/amount", "/billing", "/billing/city" }, errors.Select(e => e.InstanceLocation).Distinct().Order());
        }
    }
}
