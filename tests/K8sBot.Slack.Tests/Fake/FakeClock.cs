using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>A fake clock that also tells the test when code starts waiting on it, so tests advance time exactly when needed.</summary>
internal sealed class FakeClock : FakeTimeProvider
{
    public FakeClock()
        : base(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public FakeClock(DateTimeOffset start)
        : base(start)
    {
    }

    public Recorder<TimeSpan> Timers { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Timers.Add(dueTime);
        return timer;
    }

    /// <summary>Waits until the <paramref name="count"/>th timer matching <paramref name="match"/> exists, then moves time on by its due time.</summary>
    public async Task<TimeSpan> AdvanceWhenWaitingAsync(Func<TimeSpan, bool> match, int count = 1)
    {
        var timers = await Timers.WaitAsync(d => d != Timeout.InfiniteTimeSpan && match(d), count);
        var due = timers[count - 1];
        Advance(due);
        return due;
    }
}
