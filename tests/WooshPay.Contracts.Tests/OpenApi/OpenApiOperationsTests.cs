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
                WooshPayApi.RetrievePaymentIntent.Method, WooshPayApi.RetrievePaymentIntent.Path, WooshPayApi.ListPaymentIntents.ResponseType(200)?.Name);

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
                + "|200,400,401,402,403,404,409,429,5XX|GET|/v1/payment_intents/{id}|PaymentIntentList",
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
}
