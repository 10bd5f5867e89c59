using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver;
using Xunit;

// The allocation check measures the whole process: nothing else may run beside it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace WooshPay.Contracts.WebhookTests;

/// <summary>The sample receiving endpoint, run on Kestrel at 127.0.0.1 and called over real HTTP.</summary>
public sealed class ReceiverEndpointTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = WebhookReceiverApp.Build(
            ["--urls", "http://127.0.0.1:0", "--WooshPay:WebhookSecret", EventSamples.Secret, "--Logging:LogLevel:Default", "Warning"],
            services => services.AddSingleton<IWooshPayEventHandler>(_handler));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_event_is_answered_200_and_dispatched_once_and_its_redelivery_is_not_dispatched_again()
    {
        var first = EventSamples.Event("payment_intent.succeeded", EventSamples.PaymentIntent, id: "evt_3000000000000000001");
        var later = EventSamples.Event("charge.refund.updated", EventSamples.Refund, id: "evt_3000000000000000002");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(first, Now())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(first, Now())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(later, Now())).StatusCode);

        // One reader handles the queue in order: once the later event is handled, a queued redelivery would have been too.
        var handled = new[] { await _handler.NextAsync(), await _handler.NextAsync() };
        Assert.Equal(["evt_3000000000000000001", "evt_3000000000000000002"], handled.Select(e => e.Id));
        Assert.IsType<PaymentIntent>(handled[0].Data.Object);
        Assert.IsType<Refund>(handled[1].Data.Object);
        Assert.False(_handler.HasMore);
    }

    public static TheoryData<string> Rejections() => ["tampered body", "wrong secret", "stale timestamp", "missing header", "malformed header"];

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task An_unverifiable_request_is_answered_400_with_no_detail(string what)
    {
        var body = EventSamples.Event("payment_intent.succeeded", EventSamples.PaymentIntent);
        var now = Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookReceiverApp.Path)
        {
            Content = new StringContent(what == "tampered body" ? body.Replace("\"livemode\":false", "\"livemode\":true") : body),
        };
        var header = what switch
        {
            "wrong secret" => EventSamples.Header(now, body, "whsec_wrong"),
            "stale timestamp" => EventSamples.Header(now - 600, body),
            "missing header" => null,
            "malformed header" => "v1=" + EventSamples.Sign(now, body),
            _ => EventSamples.Header(now, body),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Wooshpay-Signature", header);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        await AssertNothingHandledAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_megabyte_of_garbage_is_answered_400_in_memory_that_does_not_grow_with_the_body(bool declaredLength)
    {
        const int size = 1024 * 1024;
        await SendGarbageAsync(size, declaredLength); // warm-up: the first request pays for connections and JIT

        var (smallStatus, small) = await SendGarbageAsync(1024, declaredLength);
        var (largeStatus, large) = await SendGarbageAsync(size, declaredLength);
        // The count is process-wide, so a tier-up compile or a background timer may land in one request: keep the
        // least of three. A server that buffered the body would pay its size on every one of them.
        for (var i = 0; i < 2; i++)
        {
            large = Math.Min(large, (await SendGarbageAsync(size, declaredLength)).Allocated);
        }

        Assert.Equal(HttpStatusCode.BadRequest, smallStatus);
        Assert.Equal(HttpStatusCode.BadRequest, largeStatus);
        // A server that buffered the body would allocate at least its size more for the megabyte than for the kilobyte.
        Assert.True(large - small < size / 4, $"{large} bytes allocated for {size} bytes of garbage, {small} for 1024");
        await AssertNothingHandledAsync();
    }

    /// <summary>Posts <paramref name="size"/> bytes of garbage; the status and the bytes the process allocated meanwhile.</summary>
    private async Task<(HttpStatusCode Status, long Allocated)> SendGarbageAsync(int size, bool declaredLength)
    {
        using var content = new StreamContent(new GarbageStream(size), 16 * 1024);
        content.Headers.ContentLength = declaredLength ? size : null;
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookReceiverApp.Path) { Content = content };
        request.Headers.TryAddWithoutValidation("Wooshpay-Signature", $"t={Now()},v1={new string('0', 64)}");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private async Task AssertNothingHandledAsync()
    {
        // A valid event after the rejected one is the first (and only) one handled.
        var probe = EventSamples.Event("product.created", """{"id":"prod_1","object":"product"}""", id: "evt_probe");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(probe, Now())).StatusCode);
        Assert.Equal("evt_probe", (await _handler.NextAsync()).Id);
        Assert.False(_handler.HasMore);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, long t)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookReceiverApp.Path) { Content = new StringContent(body) };
        request.Headers.TryAddWithoutValidation("Wooshpay-Signature", EventSamples.Header(t, body));
        return await _client.SendAsync(request);
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Records handled events in order.</summary>
    private sealed class RecordingHandler : IWooshPayEventHandler
    {
        private readonly Channel<WooshPayEvent> _handled = Channel.CreateUnbounded<WooshPayEvent>();

        public bool HasMore => _handled.Reader.TryPeek(out _);

        public Task HandleAsync(WooshPayEvent evt, CancellationToken cancellationToken) => _handled.Writer.WriteAsync(evt, cancellationToken).AsTask();

        public async Task<WooshPayEvent> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await _handled.Reader.ReadAsync(timeout.Token);
        }
    }

    /// <summary>A read-only stream of pseudo-random bytes that allocates nothing per read.</summary>
    private sealed class GarbageStream(long length) : Stream
    {
        private long _position;
        private uint _state = 2463534242;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++)
            {
                _state ^= _state << 13;
                _state ^= _state >> 17;
                _state ^= _state << 5;
                buffer[i] = (byte)_state;
            }

            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
