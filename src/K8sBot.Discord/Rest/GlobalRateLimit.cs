using K8sBot.Discord.Timing;

namespace K8sBot.Discord.Rest;

/// <summary>Discord's global limit (50 requests per second per bot) plus any global 429 pause.</summary>
internal sealed class GlobalRateLimit(Pacer pacer, int perSecond = GlobalRateLimit.DefaultPerSecond)
{
    public const int DefaultPerSecond = 50;

    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart;
    private int _count;
    private DateTimeOffset _pausedUntil;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = pacer.Now;
                if (_pausedUntil > now)
                {
                    wait = _pausedUntil - now;
                }
                else
                {
                    if (now - _windowStart >= TimeSpan.FromSeconds(1))
                    {
                        _windowStart = now;
                        _count = 0;
                    }

                    if (_count < perSecond)
                    {
                        _count++;
                        return;
                    }

                    wait = _windowStart + TimeSpan.FromSeconds(1) - now;
                }
            }

            await pacer.DelayAsync(wait, "global", cancellationToken);
        }
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
