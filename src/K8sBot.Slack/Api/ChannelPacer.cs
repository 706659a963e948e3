namespace K8sBot.Slack.Api;

/// <summary>
/// Keeps <c>chat.postMessage</c> to about one message per second per channel (Slack's documented
/// posting limit): each post reserves the channel's next free slot and waits for it. Built on
/// <see cref="TimeProvider"/> rather than System.Threading.RateLimiting, whose limiters read the
/// real clock even when replenished by hand, so the pacing could not be tested with a fake clock.
/// </summary>
internal sealed class ChannelPacer(TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private const int MaxChannels = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);

    public async ValueTask WaitAsync(string channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (_gate)
        {
            if (_nextSlot.Count > MaxChannels)
            {
                // Forget channels whose slot has passed: they would post at once anyway.
                foreach (var idle in _nextSlot.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList())
                {
                    _nextSlot.Remove(idle);
                }
            }

            slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextSlot[channel] = slot + Period;
        }

        if (slot > now)
        {
            await Task.Delay(slot - now, time, cancellationToken);
        }
    }
}
