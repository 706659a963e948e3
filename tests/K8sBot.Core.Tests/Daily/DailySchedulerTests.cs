using System.Threading.Channels;
using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using Moq;

namespace K8sBot.Core.Tests.Daily;

public sealed class DailySchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset SeoulMorning = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    private static async Task<Channel<bool>> StartAsync(DailyCardScheduler scheduler)
    {
        var idle = Channel.CreateUnbounded<bool>();
        scheduler.Idle += () => idle.Writer.TryWrite(true);
        await scheduler.StartAsync(CancellationToken.None);
        return idle;
    }

    private static async Task NextIdleAsync(Channel<bool> idle) => await idle.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    [Fact]
    public async Task The_scheduler_wakes_for_a_new_subscription_and_posts_at_the_due_instant()
    {
        using var f = new DailyFixture(SeoulMorning);
        using var scheduler = f.Scheduler();
        var idle = await StartAsync(scheduler);
        await NextIdleAsync(idle);

        await f.SayAsync("daily on 09:00 Asia/Seoul en");
        await NextIdleAsync(idle);
        Assert.Equal(1, scheduler.Scheduled);

        // One minute early: the timer has not fired, nothing is posted.
        f.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(f.Publisher.Visible);

        f.Time.Advance(TimeSpan.FromMinutes(1));
        var posted = await f.Publisher.Posted.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await NextIdleAsync(idle);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal("Pod", posted.Blocks.OfType<TitleBlock>().First().Text);
        Assert.Single(f.Publisher.Visible);
    }

    [Fact]
    public async Task Started_late_the_same_day_the_scheduler_posts_once_and_next_at_tomorrows_time()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero));

        using var scheduler = f.Scheduler();
        var idle = await StartAsync(scheduler);
        await f.Publisher.Posted.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await NextIdleAsync(idle);
        Assert.Single(f.Publisher.Visible);

        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        await f.Publisher.Posted.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await NextIdleAsync(idle);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(2, f.Publisher.Visible.Count);
        Assert.Equal("2026-11-28", f.Current.LastPostedDate);
    }

    [Fact]
    public async Task Only_tenants_this_process_owns_are_scheduled()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Subscribe(where: new ConversationAddress(Platform.Discord, "other", "c9"));
        var filter = new Mock<ITenantFilter>();
        filter.SetupGet(x => x.Platform).Returns(Platform.Discord);
        filter.Setup(x => x.Owns("g1")).Returns(true);

        using var scheduler = f.Scheduler(new TenantOwnership([filter.Object]));
        var idle = await StartAsync(scheduler);
        await NextIdleAsync(idle);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(1, scheduler.Scheduled);
    }

    [Fact]
    public void Planning_builds_one_queue_entry_per_active_subscription_in_due_order()
    {
        var now = SeoulMorning;
        var subs = new[]
        {
            new DailySubscription { Id = "a", Time = "10:00", Zone = "Asia/Seoul" },
            new DailySubscription { Id = "b", Time = "09:00", Zone = "Asia/Seoul" },
            new DailySubscription { Id = "c", Time = "09:00", Zone = "Asia/Seoul", PausedReason = "Forbidden" },
        };
        var due = new Dictionary<string, DateTimeOffset>();

        var queue = DailyCardScheduler.Plan(subs, now, due);

        Assert.Equal(2, queue.Count);
        Assert.Equal("b", queue.Dequeue());
        Assert.Equal("a", queue.Dequeue());
    }
}
