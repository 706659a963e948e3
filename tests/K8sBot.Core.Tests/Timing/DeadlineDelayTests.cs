using K8sBot.Core.Timing;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Timing;

public sealed class DeadlineDelayTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ends_at_the_deadline_even_when_the_clock_jumps_while_the_timer_is_created()
    {
        // The jump lands between reading the clock and creating the timer: exactly the window in
        // which a plain Task.Delay(until - now) would be scheduled two seconds late.
        var time = new JumpingClock(Start, jumpOnFirstTimer: TimeSpan.FromSeconds(2));
        var delay = DeadlineDelay.Until(time, Start.AddSeconds(3), CancellationToken.None);

        Assert.False(delay.IsCompleted);
        time.Fake.Advance(TimeSpan.FromSeconds(1));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_jump_past_the_deadline_completes_at_once()
    {
        var time = new JumpingClock(Start, jumpOnFirstTimer: TimeSpan.FromSeconds(10));
        var delay = DeadlineDelay.Until(time, Start.AddSeconds(3), CancellationToken.None);

        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void Without_a_jump_it_waits_the_whole_span_and_honours_cancellation()
    {
        var time = new FakeTimeProvider(Start);
        using var cancel = new CancellationTokenSource();
        var delay = DeadlineDelay.Until(time, Start.AddSeconds(3), cancel.Token);

        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(delay.IsCompleted);
        cancel.Cancel();
        Assert.True(delay.IsCanceled);
        Assert.True(DeadlineDelay.Until(time, Start, CancellationToken.None).IsCompletedSuccessfully);
    }

    /// <summary>A fake clock that moves once, as the first timer is being created.</summary>
    private sealed class JumpingClock(DateTimeOffset start, TimeSpan jumpOnFirstTimer) : TimeProvider
    {
        private bool _jumped;

        public FakeTimeProvider Fake { get; } = new(start);

        public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (!_jumped)
            {
                _jumped = true;
                Fake.Advance(jumpOnFirstTimer);
            }

            return Fake.CreateTimer(callback, state, dueTime, period);
        }
    }
}
