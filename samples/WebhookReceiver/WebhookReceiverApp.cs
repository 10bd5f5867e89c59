using System.Buffers;
using System.Threading.Channels;
using WooshPay.Contracts;

namespace WebhookReceiver;

/// <summary>Settings of the receiving endpoint, bound from the "WooshPay" configuration section.</summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>The endpoint's signing secret (whsec_...), as returned when the webhook endpoint was created.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>The largest body accepted, in bytes; a larger one is rejected without being buffered.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How far the signature's timestamp may be from the server's clock.</summary>
    public TimeSpan Tolerance { get; set; } = WooshPayWebhook.DefaultTolerance;
}

/// <summary>The application: POST /webhooks/wooshpay verifies, deduplicates and queues; a background service dispatches.</summary>
public static class WebhookReceiverApp
{
    /// <summary>The path WooshPay is configured to POST to.</summary>
    public const string Path = "/webhooks/wooshpay";

    /// <summary>Builds the application; <paramref name="configureServices"/> lets a host replace the event handler.</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.Configure<WebhookReceiverOptions>(builder.Configuration.GetSection("WooshPay"));
        builder.Services.AddSingleton<RecentEventIds>();
        builder.Services.AddSingleton(Channel.CreateBounded<WooshPayEvent>(new BoundedChannelOptions(1024) { SingleReader = true }));
        builder.Services.AddSingleton<IWooshPayEventHandler, LoggingEventHandler>();
        builder.Services.AddHostedService<EventDispatcher>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapPost(Path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        Microsoft.Extensions.Options.IOptions<WebhookReceiverOptions> options,
        RecentEventIds recent,
        Channel<WooshPayEvent> queue,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger("WebhookReceiver");
        using var body = await BoundedBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            logger.LogWarning("Webhook rejected: the body is larger than {Limit} bytes.", settings.MaxBodyBytes);
            return Results.BadRequest();
        }

        WooshPayEvent evt;
        try
        {
            evt = WooshPayWebhook.ConstructEvent(body.Span, request.Headers[WooshPayWebhook.SignatureHeaderName], settings.WebhookSecret, settings.Tolerance);
        }
        catch (WebhookSignatureException e)
        {
            // The reason goes to the log; the sender learns nothing beyond "400".
            logger.LogWarning("Webhook rejected: {Reason}.", e.Reason);
            return Results.BadRequest();
        }

        // WooshPay redelivers until it sees a 2xx: a repeat is acknowledged and not handled again.
        if (recent.TryAdd(evt.Id))
        {
            await queue.Writer.WriteAsync(evt, cancellationToken);
        }

        return Results.Ok();
    }
}

/// <summary>A request body read into a pooled buffer, up to a limit.</summary>
internal sealed class BoundedBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private BoundedBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (read no further than the limit).</summary>
    public static async Task<BoundedBody?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, limit + 1 - length), cancellationToken)) > 0)
        {
            length += read;
            if (length > limit)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }
        }

        return new BoundedBody(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
