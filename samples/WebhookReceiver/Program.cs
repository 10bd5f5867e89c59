using WebhookReceiver;

// The signing secret comes from configuration (WooshPay__WebhookSecret in the environment, or user secrets), never from code.
var app = WebhookReceiverApp.Build(args);
app.Run();
