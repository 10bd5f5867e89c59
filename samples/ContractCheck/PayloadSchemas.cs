using System.Text.Json;
using WooshPay.Contracts;
using WooshPay.Contracts.Runtime;

namespace ContractCheck;

/// <summary>A schema a payload is checked against: its file, its title and its generated validator.</summary>
/// <param name="FileName">The schema's file name in schemas/, such as <c>payment_intent.schema.json</c>.</param>
/// <param name="Title">The schema's title, which names the generated types (<c>{Title}Schema</c>).</param>
/// <param name="Validate">The generated <c>{Title}Schema.Validate</c> overload for a parsed JSON value.</param>
internal sealed record PayloadSchema(
    string FileName,
    string Title,
    Func<JsonElement, ValidationOptions?, ValidationResult> Validate);

/// <summary>
/// Maps a payload file to the schema it must satisfy, by the naming convention of samples/payloads:
/// <c>&lt;object&gt;.create[.variant].request.json</c> is a create request, checked against
/// <c>&lt;object&gt;.create.request.schema.json</c>; <c>&lt;object&gt;.create[.variant].response.json</c>
/// is the object the API returns, checked against <c>&lt;object&gt;.schema.json</c>.
/// </summary>
internal static class PayloadSchemas
{
    /// <summary>The naming convention, as shown in messages.</summary>
    public const string Convention = "<object>.create[.variant].request.json or <object>.create[.variant].response.json";

    /// <summary>Finds the schema for a payload file name.</summary>
    /// <param name="payloadFileName">The payload's file name, such as <c>payment_intent.create.web.request.json</c>.</param>
    /// <param name="problem">Why no schema was found, when the result is null.</param>
    /// <returns>The schema, or null when the name breaks the convention or names an unknown object.</returns>
    public static PayloadSchema? Resolve(string payloadFileName, out string? problem)
    {
        var schemaFileName = SchemaFileNameFor(payloadFileName);
        if (schemaFileName is null)
        {
            problem = $"the file name does not follow the convention {Convention}";
            return null;
        }

        var schema = ForSchemaFile(schemaFileName);
        problem = schema is null ? $"no generated validator for the schema file {schemaFileName}" : null;
        return schema;
    }

    /// <summary>The schema file name the convention gives for a payload file name, or null when it breaks the convention.</summary>
    /// <param name="payloadFileName">The payload's file name.</param>
    public static string? SchemaFileNameFor(string payloadFileName)
    {
        // object . create [. variant] . request|response . json; the object may itself hold dots (checkout.session).
        var segments = payloadFileName.Split('.');
        var kindIndex = segments.Length - 2;
        if (kindIndex < 2 || segments[^1] != "json" || segments[kindIndex] is not ("request" or "response"))
        {
            return null;
        }

        var createIndex = segments[kindIndex - 1] == "create" ? kindIndex - 1
            : kindIndex >= 3 && segments[kindIndex - 2] == "create" ? kindIndex - 2
            : -1;
        if (createIndex < 1 || segments[..createIndex].Any(string.IsNullOrEmpty) || segments[(createIndex + 1)..kindIndex].Any(string.IsNullOrEmpty))
        {
            return null;
        }

        var objectName = string.Join('.', segments[..createIndex]);
        return segments[kindIndex] == "request" ? $"{objectName}.create.request.schema.json" : $"{objectName}.schema.json";
    }

    /// <summary>The generated validator of a schema file, or null when the generator made none for it.</summary>
    /// <param name="schemaFileName">A file name in schemas/, such as <c>refund.schema.json</c>.</param>
    public static PayloadSchema? ForSchemaFile(string schemaFileName) => schemaFileName switch
    {
        "payment_intent.create.request.schema.json" => new(schemaFileName, "PaymentIntentCreateRequest", PaymentIntentCreateRequestSchema.Validate),
        "payment_intent.schema.json" => new(schemaFileName, "PaymentIntent", PaymentIntentSchema.Validate),
        "checkout.session.create.request.schema.json" => new(schemaFileName, "CheckoutSessionCreateRequest", CheckoutSessionCreateRequestSchema.Validate),
        "checkout.session.schema.json" => new(schemaFileName, "CheckoutSession", CheckoutSessionSchema.Validate),
        "refund.create.request.schema.json" => new(schemaFileName, "RefundCreateRequest", RefundCreateRequestSchema.Validate),
        "refund.schema.json" => new(schemaFileName, "Refund", RefundSchema.Validate),
        "webhook_endpoint.create.request.schema.json" => new(schemaFileName, "WebhookEndpointCreateRequest", WebhookEndpointCreateRequestSchema.Validate),
        "webhook_endpoint.schema.json" => new(schemaFileName, "WebhookEndpoint", WebhookEndpointSchema.Validate),
        _ => null,
    };
}
