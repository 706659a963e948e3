using K8sBot.Discord.Timing;

namespace K8sBot.Discord.Rest;

/// <summary>
/// Discord's global limit (50 requests per second per bot) plus any global 429 pause. A request
/// holds a slot from admission until a second after its response arrived: Discord counts a request
/// when it reaches Discord, which is no later than its response reaches us, so no one-second window
/// on Discord's side can ever see more than the limit, whatever the network jitter. A plain
/// fixed window on our clock would not guarantee that: a burst admitted just after our window
/// rolls over can land inside Discord's window together with the previous burst (a global 429).
/// </summary>
internal sealed class GlobalRateLimit(Pacer pacer, int perSecond = GlobalRateLimit.DefaultPerSecond)
{
    public const int DefaultPerSecond = 50;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _completed = new();
    private int _inFlight;
    private TaskCompletionSource? _slotFreed;
    private DateTimeOffset _pausedUntil;

    /// <summary>Waits for a slot; every successful wait must be followed by one <see cref="Complete"/>.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            Task? completion = null;
            lock (_lock)
            {
                var now = pacer.Now;
                while (_completed.TryPeek(out var at) && at + Window <= now)
                {
                    _completed.Dequeue();
                }

                if (_pausedUntil > now)
                {
                    wait = _pausedUntil - now;
                }
                else if (_inFlight + _completed.Count < perSecond)
                {
                    _inFlight++;
                    return;
                }
                else if (_completed.TryPeek(out var oldest))
                {
                    wait = oldest + Window - now;
                }
                else
                {
                    // Every slot is a request still in flight: its response starts the clock.
                    wait = TimeSpan.Zero;
                    completion = (_slotFreed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }

            if (completion is not null)
            {
                await completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await pacer.DelayAsync(wait, "global", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The admitted request got its response (or failed): its slot frees one second from now.</summary>
    public void Complete()
    {
        TaskCompletionSource? freed;
        lock (_lock)
        {
            _inFlight--;
            _completed.Enqueue(pacer.Now);
            freed = _slotFreed;
            _slotFreed = null;
        }

        freed?.TrySetResult();
    }

    public void Pause(TimeSpan wait)
    {
        lock (_lock)
        {
            var until = pacer.Now + wait;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }
}
