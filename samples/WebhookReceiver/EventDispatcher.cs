using System.Threading.Channels;
using WooshPay.Contracts;

namespace WebhookReceiver;

/// <summary>Handles an accepted event; called once per event id, after the request was answered.</summary>
public interface IWooshPayEventHandler
{
    /// <summary>Handles one event.</summary>
    Task HandleAsync(WooshPayEvent evt, CancellationToken cancellationToken);
}

/// <summary>Takes accepted events off the queue and hands them to the handler, so the request is answered at once.</summary>
internal sealed class EventDispatcher(Channel<WooshPayEvent> queue, IWooshPayEventHandler handler, ILogger<EventDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var evt in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await handler.HandleAsync(evt, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Handling event {EventId} ({EventType}) failed.", evt.Id, evt.Type.Value);
            }
        }
    }
}

/// <summary>The sample's handler: dispatches on the event type and the typed resource, and logs what a real one would do.</summary>
internal sealed class LoggingEventHandler(ILogger<LoggingEventHandler> logger) : IWooshPayEventHandler
{
    public Task HandleAsync(WooshPayEvent evt, CancellationToken cancellationToken)
    {
        if (evt.Type == EventType.PaymentIntentSucceeded && evt.Data.Object is PaymentIntent intent)
        {
            logger.LogInformation("Payment {PaymentIntent} succeeded: {Amount} {Currency}; fulfil the order.", intent.Id, intent.Amount, intent.Currency);
        }
        else if (evt.Data.Object is Refund refund)
        {
            logger.LogInformation("Refund {Refund} is {Status}.", refund.Id, refund.Status.Value);
        }
        else if (evt.Type == EventType.CheckoutSessionExpired && evt.Data.Object is CheckoutSession session)
        {
            logger.LogInformation("Checkout session {Session} expired; release the reserved stock.", session.Id);
        }
        else
        {
            logger.LogInformation("Event {EventId} of type {EventType} received.", evt.Id, evt.Type.Value);
        }

        return Task.CompletedTask;
    }
}
