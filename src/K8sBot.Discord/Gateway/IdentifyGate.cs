using K8sBot.Discord.Timing;

namespace K8sBot.Discord.Gateway;

/// <summary>
/// At most <c>max_concurrency</c> identifies per 5 s, keyed by <c>shard_id % max_concurrency</c>;
/// one process runs one shard, so that is one identify per 5 s here.
/// </summary>
internal sealed class IdentifyGate(Pacer pacer)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private DateTimeOffset? _last;

    public int MaxConcurrency { get; set; } = 1;

    public TimeSpan Remaining
    {
        get
        {
            if (_last is not { } last)
            {
                return TimeSpan.Zero;
            }

            var wait = last + Window - pacer.Now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await pacer.DelayAsync(Remaining, "identify", cancellationToken);
        _last = pacer.Now;
    }
}
