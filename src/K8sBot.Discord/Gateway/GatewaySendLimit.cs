using K8sBot.Discord.Timing;

namespace K8sBot.Discord.Gateway;

/// <summary>
/// Discord closes a connection that sends more than 120 events per 60 s (4008). Ordinary sends stop
/// at <see cref="OrdinaryLimit"/> so heartbeats always have room.
/// </summary>
internal sealed class GatewaySendLimit(Pacer pacer)
{
    public const int Limit = 120;
    public const int OrdinaryLimit = 110;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();

    public async Task WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = pacer.Now;
                while (_sent.Count > 0 && now - _sent.Peek() >= Window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < (heartbeat ? Limit : OrdinaryLimit))
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.Peek() + Window - now;
            }

            await pacer.DelayAsync(wait, "gateway-send", cancellationToken);
        }
    }
}
