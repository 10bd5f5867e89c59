using System.Text.Json;
using System.Text.Json.Serialization;

namespace WooshPay.Contracts.Benchmarks;

// Hand-written DTOs with the members of the generated PaymentIntent and CheckoutSession models (same JSON names,
// required where the schema requires, enums as strings, unknown members kept), read by System.Text.Json's source
// generator: the contestant a team without this toolkit would write.

/// <summary>System.Text.Json source-generated metadata for the parse benchmark's DTOs.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PaymentIntentDto))]
[JsonSerializable(typeof(CheckoutSessionDto))]
internal sealed partial class ParseDtoContext : JsonSerializerContext
{
}

public sealed class PaymentIntentDto
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("object")] public required string Object { get; set; }
    [JsonPropertyName("created")] public required long Created { get; set; }
    [JsonPropertyName("amount")] public required long Amount { get; set; }
    [JsonPropertyName("currency")] public required string Currency { get; set; }
    [JsonPropertyName("status")] public required string Status { get; set; }
    [JsonPropertyName("livemode")] public required bool Livemode { get; set; }
    [JsonPropertyName("client_secret")] public required string? ClientSecret { get; set; }
    [JsonPropertyName("next_action")] public NextActionDto? NextAction { get; set; }
    [JsonPropertyName("payment_method_types")] public required List<string>? PaymentMethodTypes { get; set; }
    [JsonPropertyName("confirmation_method")] public required string ConfirmationMethod { get; set; }
    [JsonPropertyName("payment_method_options")] public PaymentMethodOptionsDto? PaymentMethodOptions { get; set; }
    [JsonPropertyName("return_url")] public string? ReturnUrl { get; set; }
    [JsonPropertyName("payment_method")] public string? PaymentMethod { get; set; }
    [JsonPropertyName("capture_method")] public required string CaptureMethod { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, string>? Metadata { get; set; }
    [JsonPropertyName("customer")] public string? Customer { get; set; }
    [JsonPropertyName("last_payment_error")] public ApiErrorDto? LastPaymentError { get; set; }
    [JsonPropertyName("receipt_email")] public string? ReceiptEmail { get; set; }
    [JsonPropertyName("cancellation_reason")] public string? CancellationReason { get; set; }
    [JsonPropertyName("amount_capturable")] public long? AmountCapturable { get; set; }
    [JsonPropertyName("shipping")] public ShippingDto? Shipping { get; set; }
    [JsonPropertyName("merchant_order_id")] public string? MerchantOrderId { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class NextActionDto
{
    [JsonPropertyName("type")] public required string Type { get; set; }
    [JsonPropertyName("alipay_handle_redirect")] public RedirectDto? AlipayHandleRedirect { get; set; }
    [JsonPropertyName("challenge_redirect")] public RedirectDto? ChallengeRedirect { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class RedirectDto
{
    [JsonPropertyName("url")] public required string Url { get; set; }
    [JsonPropertyName("return_url")] public string? ReturnUrl { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class PaymentMethodOptionsDto
{
    [JsonPropertyName("alipay")] public AlipayOptionsDto? Alipay { get; set; }
    [JsonPropertyName("alipayplus")] public AlipayOptionsDto? Alipayplus { get; set; }
    [JsonPropertyName("card")] public CardOptionsDto? Card { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class AlipayOptionsDto
{
    [JsonPropertyName("client_ip")] public string? ClientIp { get; set; }
    [JsonPropertyName("terminal_type")] public string? TerminalType { get; set; }
    [JsonPropertyName("os_type")] public string? OsType { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class CardOptionsDto
{
    [JsonPropertyName("request_three_d_secure")] public string? RequestThreeDSecure { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class ApiErrorDto
{
    [JsonPropertyName("type")] public required string Type { get; set; }
    [JsonPropertyName("code")] public required string Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("param")] public string? Param { get; set; }
    [JsonPropertyName("decline_code")] public string? DeclineCode { get; set; }
    [JsonPropertyName("doc_url")] public string? DocUrl { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class ShippingDto
{
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("address")] public AddressDto? Address { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class AddressDto
{
    [JsonPropertyName("line1")] public string? Line1 { get; set; }
    [JsonPropertyName("line2")] public string? Line2 { get; set; }
    [JsonPropertyName("city")] public string? City { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("postal_code")] public string? PostalCode { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class CheckoutSessionDto
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("object")] public required string Object { get; set; }
    [JsonPropertyName("created")] public required long Created { get; set; }
    [JsonPropertyName("expires_at")] public required long ExpiresAt { get; set; }
    [JsonPropertyName("currency")] public required string? Currency { get; set; }
    [JsonPropertyName("customer")] public string? Customer { get; set; }
    [JsonPropertyName("mode")] public required string Mode { get; set; }
    [JsonPropertyName("livemode")] public required bool Livemode { get; set; }
    [JsonPropertyName("status")] public required string Status { get; set; }
    [JsonPropertyName("url")] public required string? Url { get; set; }
    [JsonPropertyName("cancel_url")] public string? CancelUrl { get; set; }
    [JsonPropertyName("success_url")] public string? SuccessUrl { get; set; }
    [JsonPropertyName("line_items")] public LineItemListDto? LineItems { get; set; }
    [JsonPropertyName("payment_intent")] public string? PaymentIntent { get; set; }
    [JsonPropertyName("payment_method_types")] public required List<string>? PaymentMethodTypes { get; set; }
    [JsonPropertyName("payment_status")] public required string PaymentStatus { get; set; }
    [JsonPropertyName("amount_subtotal")] public required long? AmountSubtotal { get; set; }
    [JsonPropertyName("amount_total")] public required long? AmountTotal { get; set; }
    [JsonPropertyName("billing_address_collection")] public string? BillingAddressCollection { get; set; }
    [JsonPropertyName("payment_link")] public string? PaymentLink { get; set; }
    [JsonPropertyName("client_secret")] public string? ClientSecret { get; set; }
    [JsonPropertyName("client_reference_id")] public string? ClientReferenceId { get; set; }
    [JsonPropertyName("customer_email")] public string? CustomerEmail { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, string>? Metadata { get; set; }
    [JsonPropertyName("payment_method_options")] public PaymentMethodOptionsDto? PaymentMethodOptions { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class LineItemListDto
{
    [JsonPropertyName("object")] public required string Object { get; set; }
    [JsonPropertyName("data")] public required List<LineItemDto> Data { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("has_more")] public bool? HasMore { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class LineItemDto
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("object")] public required string Object { get; set; }
    [JsonPropertyName("currency")] public required string Currency { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("price")] public required PriceDto Price { get; set; }
    [JsonPropertyName("quantity")] public required long Quantity { get; set; }
    [JsonPropertyName("amount_subtotal")] public required long AmountSubtotal { get; set; }
    [JsonPropertyName("amount_total")] public required long AmountTotal { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class PriceDto
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("object")] public required string Object { get; set; }
    [JsonPropertyName("created")] public required long Created { get; set; }
    [JsonPropertyName("active")] public required bool Active { get; set; }
    [JsonPropertyName("currency")] public required string Currency { get; set; }
    [JsonPropertyName("product")] public required ProductDto Product { get; set; }
    [JsonPropertyName("type")] public required string Type { get; set; }
    [JsonPropertyName("livemode")] public required bool Livemode { get; set; }
    [JsonPropertyName("unit_amount")] public long? UnitAmount { get; set; }
    [JsonPropertyName("billing_scheme")] public required string BillingScheme { get; set; }
    [JsonPropertyName("lookup_key")] public string? LookupKey { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class ProductDto
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("object")] public required string Object { get; set; }
    [JsonPropertyName("created")] public required long Created { get; set; }
    [JsonPropertyName("active")] public required bool Active { get; set; }
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("livemode")] public required bool Livemode { get; set; }
    [JsonPropertyName("updated")] public required long Updated { get; set; }
    [JsonPropertyName("images")] public List<string>? Images { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
