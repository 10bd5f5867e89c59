using Microsoft.CodeAnalysis;
using WooshPay.Contracts.Tests.Infrastructure;
using Xunit;

namespace WooshPay.Contracts.Tests.OpenApi;

/// <summary>
/// Per-operation entries generated from the exported WooshPay document (the committed file, as a project would add
/// it): each knows its method, path, request model and validator, and response models and validators by status.
/// </summary>
public sealed class OpenApiOperationsTests
{
    // Compiled against the generated API, so the entries' shape is checked by the compiler, then run.
    private const string Probe = """
        using WooshPay.Contracts;
        public static class Probe
        {
            public static string Facts() => string.Join("|",
                WooshPayApi.CreatePaymentIntent.Method, WooshPayApi.CreatePaymentIntent.Path, WooshPayApi.CreatePaymentIntent.OperationId,
                WooshPayApi.CreatePaymentIntent.RequestMediaType, WooshPayApi.CreatePaymentIntent.RequestBodyRequired,
                WooshPayApi.CreatePaymentIntent.RequestType.Name,
                WooshPayApi.CreatePaymentIntent.ResponseType(200)?.Name, WooshPayApi.CreatePaymentIntent.ResponseType(404)?.Name,
                WooshPayApi.CreatePaymentIntent.ResponseType(503)?.Name, WooshPayApi.CreatePaymentIntent.ResponseType(302)?.Name ?? "none",
                WooshPayApi.CreatePaymentIntent.ResponseStatusFor(502), WooshPayApi.CreatePaymentIntent.ResponseStatusFor(302) ?? "none",
                string.Join(",", WooshPayApi.CreatePaymentIntent.ResponseStatuses),
                WooshPayApi.RetrievePaymentIntent.Method, WooshPayApi.RetrievePaymentIntent.Path, WooshPayApi.ListPaymentIntents.ResponseType(200)?.Name,
                string.Join(",", WooshPayApi.RetrievePaymentIntent.Parameters.Select(p => p.Name + " " + p.In + " " + p.Required)),
                WooshPayApi.CreatePaymentIntent.Parameters.Count);

            public static string Request(string json) => Errors(WooshPayApi.CreatePaymentIntent.ValidateRequest(json));

            public static string RequestUtf8(byte[] json) => Errors(WooshPayApi.CreatePaymentIntent.ValidateRequest(json));

            public static string Response(int status, string json) => Errors(WooshPayApi.CreatePaymentIntent.ValidateResponse(status, json));

            public static string Schema(string json) => Errors(PaymentIntentCreateRequestSchema.Validate(json));

            private static string Errors(WooshPay.Contracts.Runtime.ValidationResult result)
                => result.IsValid + ":" + string.Join(";", result.Errors.Select(e => e.InstanceLocation + " " + e.Keyword));
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> s_assembly = new(() =>
    {
        var document = File.ReadAllText(Path.Combine(RepoPaths.Root, "openapi", "wooshpay.openapi.3.1.json"));
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/wooshpay.openapi.json", document) }, userSource: "using System.Linq;\n" + Probe);
        Assert.Empty(output.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return GeneratorHarness.Load(output.Compilation);
    });

    private static string Call(string method, params object[] arguments)
        => (string)s_assembly.Value.GetType("Probe")!.GetMethod(method)!.Invoke(null, arguments)!;

    private static string Sample(string folder, string name) => File.ReadAllText(Path.Combine(RepoPaths.Payloads, folder, name));

    [Fact]
    public void An_operation_knows_its_method_path_and_the_models_of_its_bodies_by_status()
    {
        Assert.Equal(
            "POST|/v1/payment_intents|CreatePaymentIntent|application/json|True|PaymentIntentCreateRequest|PaymentIntent|ApiError|ApiError|none|5XX|none"
                + "|200,400,401,402,403,404,409,429,5XX|GET|/v1/payment_intents/{id}|PaymentIntentList|id path True|0",
            Call("Facts"));
    }

    [Fact]
    public void The_request_validator_is_the_request_schema_s()
    {
        var canonical = Sample("canonical", "payment_intent.create.web.request.json");
        var published = Sample("documented", "payment_intent.create.web.request.json");

        Assert.Equal("True:", Call("Request", canonical));
        Assert.Equal("True:", Call("RequestUtf8", System.Text.Encoding.UTF8.GetBytes(canonical)));
        Assert.StartsWith("False:", Call("Request", published));
        Assert.Equal(Call("Schema", published), Call("Request", published));
    }

    [Fact]
    public void A_response_is_validated_by_the_schema_of_its_status_and_an_undeclared_status_is_an_error()
    {
        var intent = Sample("canonical", "payment_intent.create.web.response.json");
        const string error = """{ "type": "invalid_request_error", "code": "resource_missing", "message": "No such payment_intent" }""";

        Assert.Equal("True:", Call("Response", 200, intent));
        Assert.StartsWith("False:", Call("Response", 404, intent));
        Assert.Equal("True:", Call("Response", 404, error));
        Assert.Equal("True:", Call("Response", 503, error));
        Assert.StartsWith("False:", Call("Response", 200, error));
        Assert.Equal("False: status", Call("Response", 302, intent));
    }

    /// <summary>A document's info and its one operation, createItem: the component "item" in, "item" (200) or an error object out.</summary>
    private const string CreateItem = """
        info: { title: Items, version: "1" }
        paths:
          /items:
            post:
              operationId: createItem
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/item' } } }
              responses:
                "200":
                  content: { application/json: { schema: { $ref: '#/components/schemas/item' } } }
                default:
                  content:
                    application/json:
                      schema: { type: object, required: [error], properties: { error: { type: string } } }

        """;

    [Fact]
    public void A_request_validator_ignores_readOnly_properties_and_a_response_validator_writeOnly_ones()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/items.openapi.yaml", "openapi: 3.0.3\n" + CreateItem + """
            components:
              schemas:
                item:
                  type: object
                  required: [id, password, name, owner]
                  properties:
                    id: { type: string, readOnly: true }
                    password: { type: string, writeOnly: true }
                    name: { type: string }
                    owner: { $ref: '#/components/schemas/owner' }
                owner:
                  type: object
                  required: [id, name]
                  properties:
                    id: { type: integer, readOnly: true }
                    name: { type: string }
            """) });
        Assert.Empty(output.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var assembly = GeneratorHarness.Load(output.Compilation);
        var entry = assembly.GetType("WooshPay.Contracts.ItemsApi+CreateItem")!;
        var options = assembly.GetType("WooshPay.Contracts.Runtime.ValidationOptions")!;
        string Check(string method, object?[] arguments)
        {
            var result = entry.GetMethod(method, arguments.Select(a => a!.GetType()).Append(options).ToArray())!.Invoke(null, arguments.Append(null).ToArray())!;
            var errors = (System.Collections.IEnumerable)result.GetType().GetProperty("Errors")!.GetValue(result)!;
            return string.Join(";", errors.Cast<object>().Select(e => e.GetType().GetProperty("InstanceLocation")!.GetValue(e) + " " + e.GetType().GetProperty("Keyword")!.GetValue(e)));
        }

        // A request needs no readOnly id (here or in the nested owner) and may carry anything there; it must carry the password.
        Assert.Equal("", Check("ValidateRequest", new object[] { """{ "password": "p", "name": "n", "owner": { "name": "o", "id": "not checked" } }""" }));
        Assert.Equal(" required", Check("ValidateRequest", new object[] { """{ "name": "n", "owner": { "name": "o" } }""" }));
        // A response needs the ids and not the password; a password in a response is not checked either.
        Assert.Equal("", Check("ValidateResponse", new object[] { 200, """{ "id": "i", "name": "n", "owner": { "id": 1, "name": "o" }, "password": 5 }""" }));
        Assert.Equal("/owner required", Check("ValidateResponse", new object[] { 200, """{ "id": "i", "name": "n", "owner": { "name": "o" } }""" }));
        Assert.Equal("/error type", Check("ValidateResponse", new object[] { 500, """{ "error": 1 }""" }));
        // The component's own validator, and its model, keep every property.
        Assert.Equal("Item", ((Type)entry.GetProperty("RequestType")!.GetValue(null)!).Name);
        Assert.False(new GeneratedValidator(assembly, "ItemSchema").Validate("""{ "password": "p", "name": "n", "owner": { "id": 1, "name": "o" } }""").IsValid);
    }

    [Fact]
    public void A_property_that_references_a_readOnly_or_writeOnly_schema_is_dropped_from_the_view_as_that_schema_is()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/items.openapi.yaml", "openapi: 3.1.0\n" + CreateItem + """
            components:
              schemas:
                item:
                  type: object
                  required: [owner_id, token, name]
                  properties:
                    owner_id: { $ref: '#/components/schemas/owner/properties/id' }
                    token: { $ref: '#/components/schemas/secret' }
                    name: { type: string }
                owner:
                  type: object
                  properties:
                    id: { type: integer, readOnly: true }
                secret: { type: string, writeOnly: true }
            """) });
        Assert.Empty(output.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var assembly = GeneratorHarness.Load(output.Compilation);
        var request = new GeneratedValidator(assembly, "ItemRequestViewSchema");
        var response = new GeneratedValidator(assembly, "ItemResponseViewSchema");

        // owner_id is readOnly through its reference into owner: a request neither needs it nor has it checked.
        Assert.True(request.Validate("""{ "token": "t", "name": "n", "owner_id": "not checked" }""").IsValid);
        Assert.Equal(["/token"], request.Validate("""{ "name": "n", "token": 1 }""").Errors.Select(e => e.InstanceLocation));
        // token references the writeOnly secret: a response neither needs it nor has it checked.
        Assert.True(response.Validate("""{ "owner_id": 1, "name": "n", "token": 5 }""").IsValid);
        Assert.Equal(["/owner_id"], response.Validate("""{ "owner_id": "x", "name": "n" }""").Errors.Select(e => e.InstanceLocation));
        Assert.False(new GeneratedValidator(assembly, "ItemSchema").Validate("""{ "name": "n" }""").IsValid);
    }

    [Fact]
    public void An_operation_knows_its_parameters_and_its_path_s_with_its_own_replacing_them()
    {
        var output = GeneratorHarness.Run(new[] { new SchemaInput("/project/items.openapi.yaml", """
            openapi: 3.1.0
            info: { title: Items, version: "1" }
            paths:
              /items/{item}:
                parameters:
                  - { name: item, in: path, schema: { type: string } }
                  - { name: X-Trace, in: header, required: true }
                get:
                  operationId: getItem
                  parameters:
                    - $ref: '#/components/parameters/expand'
                    - { name: X-Trace, in: header, required: false }
                    - { in: query }
                  responses: { "200": { description: ok } }
            components:
              parameters:
                expand: { name: expand, in: query, schema: { type: array, items: { type: string } } }
            """) });
        Assert.Empty(output.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var entry = GeneratorHarness.Load(output.Compilation).GetType("WooshPay.Contracts.ItemsApi+GetItem")!;

        var parameters = (System.Collections.IEnumerable)entry.GetProperty("Parameters")!.GetValue(null)!;

        // The path's own first, the operation's header replacing the path's in its place, the referenced one followed;
        // a path parameter is required even where the document forgets to say so; an entry without a name is skipped.
        Assert.Equal(["(item, path, True)", "(X-Trace, header, False)", "(expand, query, False)"], parameters.Cast<object>().Select(p => p.ToString()));
    }
}
