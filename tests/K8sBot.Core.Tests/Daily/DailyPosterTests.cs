using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using K8sBot.Tests.Shared.Daily;

namespace K8sBot.Core.Tests.Daily;

public sealed class DailyPosterTests
{
    // Friday 2026-11-27 08:00 in Seoul.
    private static readonly DateTimeOffset SeoulMorning = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    private static string Title(Reply reply) => reply.Blocks.OfType<K8sBot.Core.Messaging.TitleBlock>().First().Text;

    [Fact]
    public async Task A_subscription_posts_at_nine_local_in_Seoul_once_per_day()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();

        var first = await f.RunNextAsync();
        var again = await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, manual: false, CancellationToken.None);
        var second = await f.RunNextAsync();

        Assert.Equal(DailyRunResult.Posted, first.Result);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(9)), first.At);
        Assert.Equal(DailyRunResult.NothingDue, again);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(9)), second.At);
        Assert.Equal(["Pod", "ReplicaSet"], f.Publisher.Visible.Select(v => Title(v.Reply)));
    }

    [Theory]
    [InlineData(2026, 10, 29, 6)] // through fall-back on 2026-11-01
    [InlineData(2027, 3, 11, 6)] // through spring-forward on 2027-03-14
    public async Task New_York_posts_at_nine_local_every_day_across_a_dst_change(int year, int month, int day, int days)
    {
        var start = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        using var f = new DailyFixture(start);
        f.Subscribe(zone: "America/New_York");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var times = new List<DateTimeOffset>();
        for (var i = 0; i < days; i++)
        {
            var (result, at) = await f.RunNextAsync();
            Assert.Equal(DailyRunResult.Posted, result);
            times.Add(TimeZoneInfo.ConvertTime(at, zone));
        }

        Assert.All(times, t => Assert.Equal(new TimeSpan(9, 0, 0), t.TimeOfDay));
        Assert.Equal(days, times.Select(t => t.Date).Distinct().Count());
        Assert.Equal(days - 1, (times[^1].Date - times[0].Date).Days);
        Assert.Equal(2, times.Select(t => t.Offset).Distinct().Count());
        Assert.Equal(days, f.Publisher.Visible.Count);
    }

    [Fact]
    public async Task A_crash_before_the_platform_accepted_reposts_once_with_the_same_key()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Publisher.Before.Enqueue(new SimulatedCrashException());

        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None));
        var pendingKey = f.Current.Pending!.Key;
        Assert.Equal(PendingState.Pending, f.Current.Pending.State);

        f.Restart();
        f.Time.Advance(TimeSpan.FromMinutes(2));
        var result = await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);

        Assert.Equal(DailyRunResult.Posted, result);
        Assert.Single(f.Publisher.Visible);
        Assert.Equal([pendingKey, pendingKey], f.Publisher.Attempts);
        Assert.True(pendingKey.Length <= 25);
        Assert.Equal(PendingState.Posted, f.Current.Pending!.State);
        Assert.Equal("2026-11-27", f.Current.LastPostedDate);
    }

    [Fact]
    public async Task A_crash_after_the_platform_accepted_does_not_show_a_second_card()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Publisher.After.Enqueue(new SimulatedCrashException());

        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None));
        f.Restart();
        f.Time.Advance(TimeSpan.FromMinutes(1));
        await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);
        var tomorrow = await f.RunNextAsync();

        Assert.Equal(2, f.Publisher.Visible.Count);
        Assert.Equal(["Pod", "ReplicaSet"], f.Publisher.Visible.Select(v => Title(v.Reply)));
        Assert.Equal(3, f.Publisher.Attempts.Count);
        Assert.Equal(new DateOnly(2026, 11, 28), DateOnly.FromDateTime(tomorrow.At.ToOffset(TimeSpan.FromHours(9)).DateTime));
    }

    [Fact]
    public async Task A_pending_post_from_an_earlier_day_is_not_reposted_after_a_restart()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Publisher.After.Enqueue(new SimulatedCrashException());
        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None));

        f.Restart();
        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);

        Assert.Equal(["Pod", "ReplicaSet"], f.Publisher.Visible.Select(v => Title(v.Reply)));
        Assert.Equal("2026-11-28", f.Current.LastPostedDate);
    }

    [Fact]
    public async Task Coming_back_later_the_same_day_posts_late_once()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Restart();

        // Down from 08:00 until 15:00 local.
        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));
        var late = await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);
        var again = await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);

        Assert.Equal(DailyRunResult.Posted, late);
        Assert.Equal(DailyRunResult.NothingDue, again);
        Assert.Single(f.Publisher.Visible);
    }

    [Fact]
    public async Task After_a_week_offline_only_todays_card_is_posted()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        await f.RunNextAsync();

        f.Time.SetUtcNow(new DateTimeOffset(2026, 12, 4, 5, 0, 0, TimeSpan.Zero));
        f.Restart();
        var result = await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);
        await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);

        Assert.Equal(DailyRunResult.Posted, result);
        Assert.Equal(["Pod", "ReplicaSet"], f.Publisher.Visible.Select(v => Title(v.Reply)));
        Assert.Equal("2026-12-04", f.Current.LastPostedDate);
    }

    [Fact]
    public async Task Subscribing_after_todays_time_waits_for_tomorrow()
    {
        using var f = new DailyFixture(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
        f.Subscribe();

        var (_, at) = await f.RunNextAsync();

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public async Task The_curriculum_is_walked_without_repeats_for_a_full_cycle_then_restarts()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        for (var i = 0; i < 5; i++)
        {
            await f.RunNextAsync();
            if (i == 2)
            {
                f.Restart();
            }
        }

        var titles = f.Publisher.Visible.Select(v => Title(v.Reply)).ToList();
        Assert.Equal(["Pod", "ReplicaSet", "Deployment", "Service", "Pod"], titles);
        Assert.Equal(4, titles.Take(4).Distinct().Count());
        Assert.Equal(2, f.Current.Cycle);
        Assert.Equal(["pod"], f.Current.Shown);
    }

    [Theory]
    [InlineData(PublishFailure.Forbidden)]
    [InlineData(PublishFailure.ChannelGone)]
    public async Task Losing_permission_pauses_the_subscription_and_status_says_why(PublishFailure failure)
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Publisher.Before.Enqueue(new PublishException(failure, "403"));

        var (result, _) = await f.RunNextAsync();
        f.Time.Advance(TimeSpan.FromDays(1));
        var later = await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);
        var status = Assert.Single(await f.SayAsync("daily status"));

        Assert.Equal(DailyRunResult.Paused, result);
        Assert.Equal(DailyRunResult.NothingDue, later);
        Assert.Single(f.Publisher.Attempts);
        Assert.Equal(failure.ToString(), f.Current.PausedReason);
        Assert.Null(DailyPlanner.NextDue(f.Current, DailySchedule.Of(f.Current), f.Time.GetUtcNow()));
        Assert.Contains("Paused", status.Fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_failures_retry_with_backoff_and_post_once()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Publisher.Before.Enqueue(new PublishException(PublishFailure.Transient, "502"));
        f.Publisher.Before.Enqueue(new PublishException(PublishFailure.Transient, "502"));

        var first = await f.RunNextAsync();
        var second = await f.RunNextAsync();
        var third = await f.RunNextAsync();

        Assert.Equal(DailyRunResult.Retrying, first.Result);
        Assert.Equal(TimeSpan.FromSeconds(30), second.At - first.At);
        Assert.Equal(TimeSpan.FromSeconds(60), third.At - second.At);
        Assert.Equal(DailyRunResult.Posted, third.Result);
        Assert.Single(f.Publisher.Visible);
        Assert.Single(f.Publisher.Attempts.Distinct());
    }

    [Fact]
    public async Task Transient_failures_give_up_for_the_day_after_the_bounded_attempts()
    {
        using var f = new DailyFixture(SeoulMorning, options: new DailyOptions { MaxAttemptsPerDay = 2 });
        f.Subscribe();
        f.Publisher.Before.Enqueue(new PublishException(PublishFailure.Transient, "502"));
        f.Publisher.Before.Enqueue(new PublishException(PublishFailure.Transient, "502"));

        await f.RunNextAsync();
        var (result, _) = await f.RunNextAsync();
        var (_, next) = await f.RunNextAsync();

        Assert.Equal(DailyRunResult.GaveUpToday, result);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(["Pod"], f.Publisher.Visible.Select(v => Title(v.Reply)));
    }

    [Fact]
    public async Task Weekday_subscriptions_skip_the_weekend()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe(weekdays: true);

        var friday = await f.RunNextAsync();
        var monday = await f.RunNextAsync();

        Assert.Equal(DayOfWeek.Friday, friday.At.ToOffset(TimeSpan.FromHours(9)).DayOfWeek);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)), monday.At);
        Assert.Equal(2, f.Publisher.Visible.Count);
    }

    [Fact]
    public void Idempotency_keys_are_short_stable_and_distinct_per_day_and_kind()
    {
        var a = DailyPoster.KeyFor("discord:g1:c1", "2026-11-27", DailyPostKind.Card);
        Assert.Equal(a, DailyPoster.KeyFor("discord:g1:c1", "2026-11-27", DailyPostKind.Card));
        Assert.NotEqual(a, DailyPoster.KeyFor("discord:g1:c1", "2026-11-28", DailyPostKind.Card));
        Assert.NotEqual(a, DailyPoster.KeyFor("discord:g1:c1", "2026-11-27", DailyPostKind.Digest));
        Assert.NotEqual(a, DailyPoster.KeyFor("discord:g1:c2", "2026-11-27", DailyPostKind.Card));
        Assert.InRange(a.Length, 1, 25);
    }

    [Fact]
    public void The_schema_migration_can_run_twice()
    {
        using var temp = new Support.TempDatabase();
        using var db = temp.Open(DailyFixture.Migrations());
        new DailySchemaMigration().Apply(db.Database);
        Assert.Equal(4, db.SchemaVersion);
    }
}
