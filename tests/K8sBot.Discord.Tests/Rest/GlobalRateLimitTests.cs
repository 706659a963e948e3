using K8sBot.Discord.Rest;
using K8sBot.Discord.Timing;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Discord.Tests.Rest;

public sealed class GlobalRateLimitTests
{
    [Fact]
    public async Task A_full_limit_waits_for_a_response_and_then_one_second_after_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var pacer = new Pacer(time);
        var waited = new TaskCompletionSource<PacerWait>(TaskCreationOptions.RunContinuationsAsynchronously);
        pacer.Waiting += w => waited.TrySetResult(w);
        var limit = new GlobalRateLimit(pacer, perSecond: 2);
        await limit.WaitAsync(CancellationToken.None);
        await limit.WaitAsync(CancellationToken.None);

        var third = limit.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(third.IsCompleted);

        limit.Complete();
        Assert.Equal(new PacerWait(TimeSpan.FromSeconds(1), "global"), await waited.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_request_completed_over_a_second_ago_no_longer_counts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var limit = new GlobalRateLimit(new Pacer(time), perSecond: 1);
        await limit.WaitAsync(CancellationToken.None);
        limit.Complete();
        time.Advance(TimeSpan.FromSeconds(1));

        var next = limit.WaitAsync(CancellationToken.None);

        Assert.True(next.IsCompletedSuccessfully);
        await next;
    }
}
