using System.Collections.Concurrent;

namespace WebhookReceiver;

/// <summary>
/// The ids of events already accepted, so that a redelivery is acknowledged without being handled twice.
/// In memory and bounded (oldest forgotten first): enough for one instance; several instances share a store
/// instead (a unique key on the event id in the database the handler writes to).
/// </summary>
public sealed class RecentEventIds
{
    /// <summary>How many ids are remembered; WooshPay retries for 72 hours, so size it for three days of events.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>True when <paramref name="eventId"/> was not seen before (and is now remembered).</summary>
    public bool TryAdd(string eventId)
    {
        if (!_ids.TryAdd(eventId, 0))
        {
            return false;
        }

        _order.Enqueue(eventId);
        while (_ids.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _ids.TryRemove(oldest, out _);
        }

        return true;
    }
}
