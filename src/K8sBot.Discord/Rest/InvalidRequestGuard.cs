using K8sBot.Discord.Timing;

namespace K8sBot.Discord.Rest;

/// <summary>
/// Discord bans an IP for a while after 10,000 responses of 401/403/429 in 10 minutes. This guard
/// stops sending once a tenth of that is reached in the current window, so a bug or a permission
/// problem in one guild can never get the whole bot banned.
/// </summary>
internal sealed class InvalidRequestGuard(Pacer pacer, int limit = InvalidRequestGuard.DefaultLimit)
{
    public const int DefaultLimit = 1_000;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart;
    private int _count;

    public bool IsTripped
    {
        get
        {
            lock (_lock)
            {
                Roll();
                return _count >= limit;
            }
        }
    }

    public void Count()
    {
        lock (_lock)
        {
            Roll();
            _count++;
        }
    }

    private void Roll()
    {
        var now = pacer.Now;
        if (now - _windowStart >= Window)
        {
            _windowStart = now;
            _count = 0;
        }
    }
}
