using System.Reflection;
using System.Text.Json;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.Generator;

/// <summary>
/// An anyOf/oneOf of a string and a reference to a generated class (an id, or the object when the request expands it, as
/// Stripe writes its expandable fields) is a Runtime.Expandable of that class: reading keeps which form came, writing gives it back.
/// </summary>
public sealed class ExpandableTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Charge",
          "type": "object",
          "required": ["customer"],
          "properties": {
            "customer": { "anyOf": [ { "type": "string", "maxLength": 50 }, { "$ref": "#/$defs/customer" } ] },
            "invoice": { "oneOf": [ { "$ref": "#/$defs/invoice" }, { "type": "string" }, { "type": "null" } ] },
            "refunds": { "type": "array", "items": { "anyOf": [ { "type": "string" }, { "$ref": "#/$defs/refund" } ] } },
            "status": { "anyOf": [ { "type": "string", "enum": ["a"] }, { "$ref": "#/$defs/refund" } ] },
            "dispute": { "anyOf": [ { "type": "string" }, { "$ref": "#/$defs/dispute" } ] }
          },
          "$defs": {
            "customer": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "email": { "type": "string" } } },
            "invoice": { "type": "object", "properties": { "id": { "type": "string" } } },
            "refund": { "type": "object", "properties": { "id": { "type": "string" }, "amount": { "type": "integer" } } },
            "dispute": { "type": ["object", "null"], "properties": { "id": { "type": "string" } } }
          }
        }
        """;

    private static readonly Lazy<(GeneratorOutput Output, Assembly Assembly)> s_generated = new(() =>
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/charge.schema.json", Schema) });
        return (output, GeneratorHarness.Load(output.Compilation));
    });

    private static Type Type(string name) => s_generated.Value.Assembly.GetType("WooshPay.Contracts." + name)!;

    private static Type Expandable(string model) => Type("Runtime.Expandable`1").MakeGenericType(Type(model));

    private static object Parse(string json)
    {
        try
        {
            return Type("Charge").GetMethod("Parse", [typeof(string)])!.Invoke(null, [json])!;
        }
        catch (TargetInvocationException e)
        {
            throw e.InnerException!;
        }
    }

    [Fact]
    public void An_id_or_object_field_is_an_expandable_of_the_class_and_other_unions_keep_their_shape()
    {
        var (output, _) = s_generated.Value;

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationDiagnostics);
        var charge = Type("Charge");
        Assert.Equal(Expandable("Customer"), charge.GetProperty("Customer")!.PropertyType);
        Assert.Equal(typeof(Nullable<>).MakeGenericType(Expandable("Invoice")), charge.GetProperty("Invoice")!.PropertyType);
        Assert.Equal(typeof(List<>).MakeGenericType(Expandable("Refund")), charge.GetProperty("Refunds")!.PropertyType);
        // A string that is no plain id (an enum) is no expandable field.
        Assert.Equal(typeof(JsonElement?), charge.GetProperty("Status")!.PropertyType);
    }

    [Theory]
    [InlineData("""{"customer":"cus_1","invoice":null,"refunds":["re_1",{"id":"re_2","amount":5}]}""")]
    [InlineData("""{"customer":{"id":"cus_1","email":"a@example.com"},"invoice":"in_1"}""")]
    [InlineData("""{"customer":{"id":"cus_1"},"invoice":{"id":"in_1"}}""")]
    public void Reading_keeps_which_form_came_and_writing_gives_it_back(string json)
    {
        var charge = Parse(json);

        var customer = Type("Charge").GetProperty("Customer")!.GetValue(charge)!;
        var expanded = JsonDocument.Parse(json).RootElement.GetProperty("customer").ValueKind == JsonValueKind.Object;
        Assert.Equal(expanded, (bool)customer.GetType().GetProperty("IsExpanded")!.GetValue(customer)!);
        Assert.Equal(expanded ? null : "cus_1", customer.GetType().GetProperty("Id")!.GetValue(customer));
        var written = (string)charge.GetType().GetMethod("ToJson")!.Invoke(charge, [false])!;
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(written).RootElement), written);
    }

    [Theory]
    [InlineData("""{"customer":7}""", "/customer", "expected a string id or an object, found a number")]
    [InlineData("""{"customer":{"email":"a@example.com"}}""", "/customer", "\"id\" is missing")]
    [InlineData("""{"customer":"cus_1","refunds":["re_1",true]}""", "/refunds/1", "expected a string id or an object, found true")]
    public void A_value_of_neither_form_fails_where_it_stands(string json, string pointer, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => Parse(json));

        Assert.Equal("ContractJsonException", error.GetType().Name);
        Assert.Equal(pointer, error.GetType().GetProperty("Pointer")!.GetValue(error));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expandable_field_is_set_from_an_id_or_an_object()
    {
        var customerType = Type("Customer");
        var customer = Activator.CreateInstance(customerType)!;
        customerType.GetProperty("Id")!.SetValue(customer, "cus_9");
        var byId = Activator.CreateInstance(Expandable("Customer"), "cus_1")!;
        var byObject = Activator.CreateInstance(Expandable("Customer"), customer)!;

        Assert.NotEqual(byId, byObject);
        Assert.Equal(byId, Activator.CreateInstance(Expandable("Customer"), "cus_1"));
        var charge = Activator.CreateInstance(Type("Charge"))!;
        Type("Charge").GetProperty("Customer")!.SetValue(charge, byObject);
        Assert.Equal("""{"customer":{"id":"cus_9"}}""", (string)charge.GetType().GetMethod("ToJson")!.Invoke(charge, [false])!);
    }

    [Fact]
    public void A_field_whose_object_may_be_null_is_nullable()
    {
        Assert.Equal(typeof(Nullable<>).MakeGenericType(Expandable("Dispute")), Type("Charge").GetProperty("Dispute")!.PropertyType);

        var charge = Parse("""{"customer":"cus_1","dispute":null}""");

        Assert.Null(Type("Charge").GetProperty("Dispute")!.GetValue(charge));
    }

    [Fact]
    public void A_sensitive_object_keeps_its_names_and_values_out_of_messages_through_the_field()
    {
        var output = GeneratorHarness.Run(
            new[] { new SchemaInput("/project/payment.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "Payment",
                  "type": "object",
                  "properties": { "card": { "anyOf": [ { "type": "string" }, { "$ref": "#/$defs/card" } ] } },
                  "$defs": { "card": { "x-sensitive": true, "type": "object", "additionalProperties": false, "properties": { "last4": { "type": "string" } } } }
                }
                """) },
            new Dictionary<string, string> { ["WooshPayContractsStrict"] = "true" });
        var payment = GeneratorHarness.Load(output.Compilation).GetType("WooshPay.Contracts.Payment")!;

        var error = Assert.ThrowsAny<TargetInvocationException>(() => payment.GetMethod("Parse", [typeof(string)])!.Invoke(null, ["""{"card":{"4242424242424242":1}}"""])).InnerException!;

        Assert.Equal("ContractJsonException", error.GetType().Name);
        Assert.DoesNotContain("4242", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", (string)error.GetType().GetProperty("Pointer")!.GetValue(error)!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_field_has_neither_form_and_fails_when_written_rather_than_becoming_null()
    {
        var charge = Activator.CreateInstance(Type("Charge"))!;
        Type("Charge").GetProperty("Customer")!.SetValue(charge, Activator.CreateInstance(Expandable("Customer")));

        var error = Assert.ThrowsAny<Exception>(() =>
        {
            try
            {
                charge.GetType().GetMethod("ToJson")!.Invoke(charge, [false]);
            }
            catch (TargetInvocationException e)
            {
                throw e.InnerException!;
            }
        });

        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("neither an id nor an object", error.Message, StringComparison.Ordinal);
    }
}
