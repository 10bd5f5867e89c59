// PaymentsConsumer: the generated WooshPay contracts used as a merchant backend would use them.
// It builds the create requests of WooshPay's Alipay page (web and app PaymentIntents, a Checkout
// Session) and a refund with the generated models, validates each body before it would be sent,
// reads WooshPay's responses (samples/payloads/canonical/), and shows that a value and a field that
// WooshPay adds later survive a Parse -> ToJson round trip. Nothing is sent over the network.
//
//   dotnet run --project samples/PaymentsConsumer
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WooshPay.Contracts;
using WooshPay.Contracts.Runtime;

Console.OutputEncoding = Encoding.UTF8;
var responses = FindCanonicalPayloads();

Console.WriteLine("== Create requests, validated before sending");

// Direct API: terminal_type WEB shows a QR code in a desktop browser, APP opens the Alipay app.
Send("POST /v1/payment_intents (web)", AlipayPayment(TerminalType.Web).ToJson(), PaymentIntentCreateRequestSchema.Validate);
Send("POST /v1/payment_intents (app)", AlipayPayment(TerminalType.App, OsType.Ios).ToJson(), PaymentIntentCreateRequestSchema.Validate);

// Checkout: WooshPay's hosted page; for Alipay, one currency per session and one-time prices only.
var checkout = new CheckoutSessionCreateRequest
{
    Mode = CheckoutMode.Payment,
    SuccessUrl = "https://wooshpay.com/",
    CancelUrl = "https://www.baidu.com",
    PaymentMethodTypes = [PaymentMethodType.Alipay],
    LineItems = [LineItem("Pineapple cake", unitAmount: 100000, quantity: 1), LineItem("Oolong tea", unitAmount: 4500, quantity: 2)],
};
Send("POST /v1/checkout/sessions", checkout.ToJson(), CheckoutSessionCreateRequestSchema.Validate);

// The cancel_url as published on WooshPay's page is not an absolute URL: caught before sending.
checkout.CancelUrl = "www.baidu.com";
Send("POST /v1/checkout/sessions (published cancel_url)", checkout.ToJson(), CheckoutSessionCreateRequestSchema.Validate);

// Alipay refunds: partial refunds are allowed, but only one per payment.
var refund = new RefundCreateRequest
{
    PaymentIntent = "pi_1666729870215872512",
    Amount = 10,
    Reason = RefundCreateRequestReason.RequestedByCustomer,
    Metadata = new() { ["order_id"] = "6735" },
};
Send("POST /v1/refunds", refund.ToJson(), RefundCreateRequestSchema.Validate);

Console.WriteLine();
Console.WriteLine("== Responses");

foreach (var file in new[] { "payment_intent.create.web.response.json", "payment_intent.create.app.response.json" })
{
    var intent = PaymentIntent.Parse(File.ReadAllText(Path.Combine(responses, file)));
    Console.WriteLine($"{intent.Id}  {intent.Status}  {Money(intent.Amount, intent.Currency)}  created {Time(intent.Created)}");
    if (intent.NextAction is { AlipayHandleRedirect.Url: var redirectUrl } && intent.NextAction.Type == NextActionType.RedirectToUrl)
    {
        Console.WriteLine($"  send the customer to {redirectUrl}");
    }
}

var session = CheckoutSession.Parse(File.ReadAllText(Path.Combine(responses, "checkout.session.create.response.json")));
Console.WriteLine($"{session.Id}  {session.Status}  {session.PaymentStatus}  {Money(session.AmountTotal ?? 0, session.Currency ?? "")}  expires {Time(session.ExpiresAt)}");
foreach (var item in session.LineItems?.Data ?? [])
{
    Console.WriteLine($"  {item.Quantity} x {item.Description} at {Money(item.Price.UnitAmount ?? 0, item.Price.Currency)} ({item.Price.Type})");
}

Console.WriteLine($"  send the customer to {session.Url}");

var refunded = Refund.Parse(File.ReadAllText(Path.Combine(responses, "refund.create.response.json")));
Console.WriteLine($"{refunded.Id}  {refunded.Status}  {Money(refunded.Amount, refunded.Currency)} back from {refunded.PaymentIntent}  reason {refunded.Reason}");

Console.WriteLine();
Console.WriteLine("== Forward compatibility: what WooshPay adds later is kept");

// A response from a future WooshPay: a new terminal type and a property this schema does not name.
var future = JsonNode.Parse(File.ReadAllText(Path.Combine(responses, "payment_intent.create.app.response.json")))!;
future["payment_method_options"]!["alipay"]!["terminal_type"] = "MINI_PROGRAM";
future["3ds_status"] = "unsupported";

var parsed = PaymentIntent.Parse(future.ToJsonString());
var terminal = parsed.PaymentMethodOptions?.Alipay?.TerminalType ?? default;
Console.WriteLine($"terminal_type \"{terminal}\": IsKnown={terminal.IsKnown}, is App: {terminal == TerminalType.App}");
Console.WriteLine($"3ds_status in AdditionalProperties: {parsed.AdditionalProperties?["3ds_status"]}");

var written = JsonNode.Parse(parsed.ToJson())!;
Console.WriteLine($"after ToJson: terminal_type={written["payment_method_options"]!["alipay"]!["terminal_type"]}, 3ds_status={written["3ds_status"]}");
Console.WriteLine($"round trip lossless: {JsonNode.DeepEquals(future, written)}");

// The model is lenient; the validator still tells you the value is new to this contract.
Report("PaymentIntent schema", PaymentIntentSchema.Validate(parsed.ToJson()));

return 0;

// An Alipay PaymentIntent confirmed on creation, so the response already carries the redirect URL.
static PaymentIntentCreateRequest AlipayPayment(TerminalType terminal, OsType? os = null) => new()
{
    Amount = 20,
    Currency = "CNY",
    Confirm = true,
    ReturnUrl = "https://wooshpay.com",
    PaymentMethodData = new() { Type = PaymentMethodType.Alipay },
    PaymentMethodTypes = [PaymentMethodType.Alipay],
    PaymentMethodOptions = new()
    {
        Alipay = new() { ClientIp = "192.168.0.1", TerminalType = terminal, OsType = os },
    },
};

static CheckoutSessionCreateRequestLineItem LineItem(string name, long unitAmount, long quantity) => new()
{
    Quantity = quantity,
    PriceData = new()
    {
        Currency = "CNY",
        UnitAmount = unitAmount,
        BillingScheme = BillingScheme.PerUnit,
        ProductData = new() { Name = name },
    },
};

// Validates a request body against its schema and "sends" it only when it is valid.
static void Send(string request, string body, Func<string, ValidationOptions?, ValidationResult> validate)
{
    if (Report(request, validate(body, null)))
    {
        Console.WriteLine($"  {body}");
    }
}

static bool Report(string what, ValidationResult result)
{
    Console.WriteLine($"{(result.IsValid ? "PASS" : "FAIL")} {what}");
    foreach (var error in result.Errors)
    {
        Console.WriteLine($"  {(error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation)}  {error.Message}  [{error.Keyword}]");
    }

    return result.IsValid;
}

// Amounts are integers in the currency's minor unit: 2 decimals for CNY, USD, EUR, GBP, HKD; none for JPY, KRW.
static string Money(long minorUnits, string currency)
{
    var exponent = currency.ToUpperInvariant() is "JPY" or "KRW" ? 0 : 2;
    var major = minorUnits / (decimal)Math.Pow(10, exponent);
    return major.ToString("N" + exponent, CultureInfo.InvariantCulture) + " " + currency;
}

// WooshPay timestamps are milliseconds since the Unix epoch.
static string Time(long milliseconds)
    => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

static string FindCanonicalPayloads()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "payloads", "canonical");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    throw new DirectoryNotFoundException("samples/payloads/canonical was not found above the current folder.");
}
