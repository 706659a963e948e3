namespace K8sBot.Discord.Timing;

/// <summary>
/// Every wait the adapter makes (rate limits, backoff, heartbeats) goes through here, on the
/// injected <see cref="TimeProvider"/>. <see cref="Waiting"/> fires after the timer exists, so a
/// test with a fake clock can advance past exactly that wait.
/// </summary>
internal sealed class Pacer(TimeProvider time)
{
    public TimeProvider Time => time;

    public event Action<PacerWait>? Waiting;

    public DateTimeOffset Now => time.GetUtcNow();

    public Task DelayAsync(TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var task = Task.Delay(delay, time, cancellationToken);
        Waiting?.Invoke(new PacerWait(delay, reason));
        return task;
    }
}
