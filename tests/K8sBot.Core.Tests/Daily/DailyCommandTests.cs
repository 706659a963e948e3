using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Tests.Daily;

public sealed class DailyCommandTests
{
    private static readonly DateTimeOffset SeoulMorning = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Daily_on_subscribes_the_channel_with_the_given_settings()
    {
        using var f = new DailyFixture(SeoulMorning);

        var reply = Assert.Single(await f.SayAsync("daily on 08:30 America/New_York en weekdays"));

        Assert.Equal(ReplyKind.Success, reply.Kind);
        var saved = f.Current;
        Assert.Equal(("08:30", "America/New_York", "en", true, true), (saved.Time, saved.Zone, saved.Lang, saved.Weekdays, saved.Digest));
        Assert.Contains("America/New_York", reply.Fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_on_defaults_to_nine_in_Seoul()
    {
        using var f = new DailyFixture(SeoulMorning);

        await f.SayAsync("daily on");

        Assert.Equal(("09:00", "Asia/Seoul", false), (f.Current.Time, f.Current.Zone, f.Current.Weekdays));
    }

    [Fact]
    public async Task Daily_status_shows_the_next_post_in_the_channel_zone_and_the_next_concept()
    {
        using var f = new DailyFixture(SeoulMorning);
        await f.SayAsync("daily on 09:00 Asia/Seoul en");

        var reply = Assert.Single(await f.SayAsync("daily status"));

        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Contains("Next post: 2026-11-27 (Fri) 09:00 Asia/Seoul", reply.Fallback, StringComparison.Ordinal);
        Assert.Contains("Next concept: Pod", reply.Fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_status_without_a_subscription_explains_how_to_turn_it_on()
    {
        using var f = new DailyFixture(SeoulMorning);

        var reply = Assert.Single(await f.SayAsync("daily status"));

        Assert.Contains("daily on", reply.Fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_impossible_time_gets_a_clear_error_and_nothing_is_saved()
    {
        using var f = new DailyFixture(SeoulMorning);

        var reply = Assert.Single(await f.SayAsync("daily on 25:00"));

        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Contains("25:00", reply.Fallback, StringComparison.Ordinal);
        Assert.Contains("09:00", reply.Fallback, StringComparison.Ordinal);
        Assert.Null(f.Store.Find(DailyFixture.Channel.ChannelKey));
    }

    [Fact]
    public async Task An_unknown_time_zone_gets_an_error_with_an_example()
    {
        using var f = new DailyFixture(SeoulMorning);

        var reply = Assert.Single(await f.SayAsync("daily on 09:00 Mars/Olympus"));

        Assert.Contains("Asia/Seoul", reply.Fallback, StringComparison.Ordinal);
        Assert.Null(f.Store.Find(DailyFixture.Channel.ChannelKey));
    }

    [Theory]
    [InlineData("daily on")]
    [InlineData("daily off")]
    [InlineData("daily now")]
    public async Task Non_admins_are_told_privately_to_ask_an_admin(string command)
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();

        var reply = Assert.Single(await f.SayAsync(command, admin: false));

        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Contains("ask an admin", reply.Fallback, StringComparison.Ordinal);
        Assert.NotNull(f.Store.Find(DailyFixture.Channel.ChannelKey));
        Assert.Empty(f.Publisher.Visible);
    }

    [Fact]
    public async Task Daily_now_posts_todays_card_and_it_counts_as_todays_post()
    {
        using var f = new DailyFixture(SeoulMorning);
        await f.SayAsync("daily on");

        var now = Assert.Single(await f.SayAsync("daily now"));
        var again = Assert.Single(await f.SayAsync("daily now"));
        var (_, next) = await f.RunNextAsync();

        Assert.Equal(ReplyKind.Success, now.Kind);
        Assert.Contains("already", again.Fallback, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(2, f.Publisher.Visible.Count);
    }

    [Fact]
    public async Task Daily_off_removes_the_subscription()
    {
        using var f = new DailyFixture(SeoulMorning);
        await f.SayAsync("daily on");

        var reply = Assert.Single(await f.SayAsync("daily off"));

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.Null(f.Store.Find(DailyFixture.Channel.ChannelKey));
    }

    [Fact]
    public async Task The_per_tenant_cap_refuses_one_more_channel()
    {
        using var f = new DailyFixture(SeoulMorning, options: new DailyOptions { MaxSubscriptionsPerTenant = 2 });
        f.Subscribe(where: DailyFixture.Channel with { ChannelId = "a" });
        f.Subscribe(where: DailyFixture.Channel with { ChannelId = "b" });

        var reply = Assert.Single(await f.SayAsync("daily on"));

        Assert.Equal(ReplyKind.Warning, reply.Kind);
        Assert.Null(f.Store.Find(DailyFixture.Channel.ChannelKey));
    }

    [Fact]
    public async Task Daily_on_again_resumes_a_paused_channel()
    {
        using var f = new DailyFixture(SeoulMorning);
        f.Subscribe();
        f.Publisher.Before.Enqueue(new PublishException(PublishFailure.Forbidden, "403"));
        await f.RunNextAsync();

        await f.SayAsync("daily on");
        var result = await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);

        Assert.Null(f.Current.PausedReason);
        Assert.Equal(DailyRunResult.Posted, result);
    }
}
