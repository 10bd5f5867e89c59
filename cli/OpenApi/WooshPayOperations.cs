namespace WooshPay.Contracts.Tool.OpenApi;

/// <summary>One operation of the WooshPay API as the export describes it.</summary>
/// <param name="OperationId">The operation's id, PascalCase (the name an operation entry gets).</param>
/// <param name="Method">HTTP method, lower case.</param>
/// <param name="Path">Path template under the server URL.</param>
/// <param name="Summary">One line on what it does.</param>
/// <param name="Tag">The resource it belongs to.</param>
/// <param name="IdDefinition">Key in common.schema.json's <c>$defs</c> of the <c>{id}</c> path parameter, if the path has one.</param>
/// <param name="RequestSchemaFile">Schema file of the JSON body, if it takes one.</param>
/// <param name="ResponseSchemaFile">Schema file of the 200 body.</param>
internal sealed record ApiOperation(
    string OperationId, string Method, string Path, string Summary, string Tag,
    string? IdDefinition, string? RequestSchemaFile, string ResponseSchemaFile);

/// <summary>The WooshPay endpoints the contract covers (WooshPay's API reference; see README, "OpenAPI").</summary>
internal static class WooshPayOperations
{
    /// <summary>The shared definitions file, which holds the identifier and error schemas.</summary>
    public const string CommonFile = "common.schema.json";

    /// <summary>Key of the error object in <see cref="CommonFile"/>'s <c>$defs</c>.</summary>
    public const string ErrorDefinition = "error";

    /// <summary>The error statuses WooshPay documents; "5XX" stands for every server error.</summary>
    public static readonly IReadOnlyList<(string Status, string Description)> ErrorResponses = new[]
    {
        ("400", "The request was malformed or a parameter is invalid."),
        ("401", "No valid secret key was supplied."),
        ("402", "The parameters were valid but the request failed (for example, a declined payment)."),
        ("403", "The key has no permission for this request."),
        ("404", "The requested object does not exist."),
        ("409", "The request conflicts with another one (for example, a reused idempotency key)."),
        ("429", "Too many requests in too short a time."),
        ("5XX", "Something went wrong on WooshPay's side."),
    };

    public static readonly IReadOnlyList<ApiOperation> All = new ApiOperation[]
    {
        new("CreatePaymentIntent", "post", "/v1/payment_intents", "Creates a PaymentIntent.", "PaymentIntents",
            null, "payment_intent.create.request.schema.json", "payment_intent.schema.json"),
        new("ListPaymentIntents", "get", "/v1/payment_intents", "Lists PaymentIntents, newest first.", "PaymentIntents",
            null, null, "payment_intent.list.schema.json"),
        new("RetrievePaymentIntent", "get", "/v1/payment_intents/{id}", "Retrieves a PaymentIntent.", "PaymentIntents",
            "payment_intent_id", null, "payment_intent.schema.json"),
        new("ConfirmPaymentIntent", "post", "/v1/payment_intents/{id}/confirm", "Confirms that the customer intends to pay.", "PaymentIntents",
            "payment_intent_id", null, "payment_intent.schema.json"),
        new("CapturePaymentIntent", "post", "/v1/payment_intents/{id}/capture", "Captures the funds of a PaymentIntent whose capture_method is manual.", "PaymentIntents",
            "payment_intent_id", "payment_intent.capture.request.schema.json", "payment_intent.schema.json"),
        new("CancelPaymentIntent", "post", "/v1/payment_intents/{id}/cancel", "Cancels a PaymentIntent.", "PaymentIntents",
            "payment_intent_id", "payment_intent.cancel.request.schema.json", "payment_intent.schema.json"),
        new("CreateCheckoutSession", "post", "/v1/checkout/sessions", "Creates a Checkout Session.", "CheckoutSessions",
            null, "checkout.session.create.request.schema.json", "checkout.session.schema.json"),
        new("RetrieveCheckoutSession", "get", "/v1/checkout/sessions/{id}", "Retrieves a Checkout Session.", "CheckoutSessions",
            "checkout_session_id", null, "checkout.session.schema.json"),
        new("CreateRefund", "post", "/v1/refunds", "Refunds a PaymentIntent in full or in part.", "Refunds",
            null, "refund.create.request.schema.json", "refund.schema.json"),
        new("RetrieveRefund", "get", "/v1/refunds/{id}", "Retrieves a Refund.", "Refunds",
            "refund_id", null, "refund.schema.json"),
        new("CreateWebhookEndpoint", "post", "/v1/webhook_endpoints", "Creates a webhook endpoint; its secret is returned only in this response.", "WebhookEndpoints",
            null, "webhook_endpoint.create.request.schema.json", "webhook_endpoint.schema.json"),
        new("RetrieveWebhookEndpoint", "get", "/v1/webhook_endpoints/{id}", "Retrieves a webhook endpoint.", "WebhookEndpoints",
            "webhook_endpoint_id", null, "webhook_endpoint.schema.json"),
    };

    /// <summary>
    /// The canonical samples that illustrate a body checked by <paramref name="schemaFile"/>, by the samples' naming
    /// convention (<c>&lt;object&gt;.create[.variant].request.json</c> for <c>&lt;object&gt;.create.request.schema.json</c>,
    /// <c>&lt;object&gt;.create[.variant].response.json</c> for <c>&lt;object&gt;.schema.json</c>), keyed by variant.
    /// </summary>
    public static IEnumerable<(string Name, string SampleFile)> SamplesFor(string schemaFile, IEnumerable<string> sampleFiles)
    {
        const string request = ".create.request.schema.json", response = ".schema.json";
        var (objectName, kind) = schemaFile.EndsWith(request, StringComparison.Ordinal)
            ? (schemaFile.Substring(0, schemaFile.Length - request.Length), ".request.json")
            : (schemaFile.Substring(0, schemaFile.Length - response.Length), ".response.json");
        var prefix = objectName + ".create";
        foreach (var sample in sampleFiles)
        {
            if (sample.StartsWith(prefix, StringComparison.Ordinal) && sample.EndsWith(kind, StringComparison.Ordinal)
                && sample.Length >= prefix.Length + kind.Length)
            {
                var variant = sample.Substring(prefix.Length, sample.Length - prefix.Length - kind.Length).TrimStart('.');
                yield return (variant.Length == 0 ? "default" : variant, sample);
            }
        }
    }
}
