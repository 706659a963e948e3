using System.Collections.Concurrent;

namespace K8sBot.Slack.Inbound;

/// <summary>
/// Slack delivers at least once: retries carry the same event_id (and sometimes the same envelope),
/// so each id is handled once for <see cref="Ttl"/>. Bounded: the oldest ids are forgotten first.
/// </summary>
internal sealed class DeliveryDeduper(TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(15);

    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Id, DateTimeOffset At)> _order = new();

    /// <summary>True the first time an id is seen within the TTL.</summary>
    public bool FirstTime(string id)
    {
        var now = time.GetUtcNow();
        Expire(now);
        if (_seen.TryGetValue(id, out var at) && now - at < Ttl)
        {
            return false;
        }

        if (!_seen.TryAdd(id, now))
        {
            // Another thread added it right now, or an expired entry is still there: only one caller may win.
            if (!_seen.TryGetValue(id, out var existing) || now - existing < Ttl || !_seen.TryUpdate(id, now, existing))
            {
                return false;
            }
        }

        _order.Enqueue((id, now));
        return true;
    }

    public bool Seen(string id) => _seen.TryGetValue(id, out var at) && time.GetUtcNow() - at < Ttl;

    private void Expire(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (now - oldest.At >= Ttl || _order.Count > Capacity))
        {
            if (_order.TryDequeue(out oldest) && _seen.TryGetValue(oldest.Id, out var at) && at == oldest.At)
            {
                _seen.TryRemove(oldest.Id, out _);
            }
        }
    }
}
