namespace K8sBot.Core.Timing;

/// <summary>A delay that ends at a point in time rather than after a span.</summary>
/// <remarks>
/// <c>Task.Delay(until - now, time)</c> measures its span from when the timer is created, not from
/// when <c>now</c> was read. If the clock moves in between (a busy machine, or a test advancing a
/// fake clock), the timer ends late, or, on a fake clock that moves only once, never. Re-reading
/// the clock after the timer exists closes that gap.
/// </remarks>
public static class DeadlineDelay
{
    // A real clock moves a few microseconds between two reads; only a larger jump means the
    // timer was created later than the span assumed.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(1);

    /// <summary>Completes at <paramref name="until"/> (or at once if it has passed), or is cancelled.</summary>
    public static Task Until(TimeProvider time, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        while (true)
        {
            var before = time.GetUtcNow();
            if (before >= until)
            {
                return Task.CompletedTask;
            }

            var delay = Task.Delay(until - before, time, cancellationToken);
            if (time.GetUtcNow() - before <= Slack)
            {
                return delay;
            }

            // The clock jumped while the timer was being created; the abandoned timer completes on
            // its own (it is only ever later than the new one), so it needs no cancelling.
        }
    }
}
