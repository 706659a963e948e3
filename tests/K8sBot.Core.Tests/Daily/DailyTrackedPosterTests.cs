using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using K8sBot.Tests.Shared.Daily;

namespace K8sBot.Core.Tests.Daily;

/// <summary>The poster with a platform that can say whether an interrupted post landed.</summary>
public sealed class DailyTrackedPosterTests
{
    // Friday 2026-11-27 09:00 in Seoul.
    private static readonly DateTimeOffset SeoulNine = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private TrackingPublisher _tracking = null!;

    private DailyFixture Fixture(DateTimeOffset start, bool digest = false, TimeSpan? lead = null)
    {
        var f = new DailyFixture(start, platform: p => _tracking = new TrackingPublisher(p) { Lead = lead });
        f.Subscribe(digest: digest);
        return f;
    }

    private static Task<DailyRunResult> Run(DailyFixture f) => f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);

    [Fact]
    public async Task A_post_the_platform_confirms_after_a_crash_is_not_posted_again_and_counts_as_shown()
    {
        using var f = Fixture(SeoulNine);
        f.Publisher.After.Enqueue(new SimulatedCrashException());
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Run(f));

        f.Restart();
        f.Time.Advance(TimeSpan.FromHours(2));
        _tracking.Answers.Enqueue(DeliveryState.Delivered);
        var result = await Run(f);

        Assert.Equal(DailyRunResult.Posted, result);
        Assert.Single(f.Publisher.Visible);
        Assert.Single(f.Publisher.Attempts);
        Assert.Equal(SeoulNine, Assert.Single(_tracking.Checked).IssuedAt);
        Assert.Equal(["pod"], f.Current.Shown);
        Assert.Equal(PendingState.Posted, f.Current.Pending!.State);
    }

    [Fact]
    public async Task A_post_the_platform_never_saw_is_posted_once_with_the_same_key_and_a_fresh_ticket()
    {
        using var f = Fixture(SeoulNine);
        f.Publisher.Before.Enqueue(new SimulatedCrashException());
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Run(f));

        f.Restart();
        f.Time.Advance(TimeSpan.FromHours(2));
        _tracking.Answers.Enqueue(DeliveryState.NotDelivered);
        Assert.Equal(DailyRunResult.Posted, await Run(f));

        Assert.Single(f.Publisher.Visible);
        Assert.Equal(2, f.Publisher.Attempts.Count);
        Assert.Single(f.Publisher.Attempts.Distinct());
        Assert.Equal(SeoulNine.AddHours(2), Assert.Single(_tracking.Issued).Now);
        Assert.Equal(SeoulNine.AddHours(2).UtcDateTime, f.Current.Pending!.IssuedAtUtc);
    }

    [Fact]
    public async Task A_post_due_but_not_yet_visible_is_asked_about_again_later_instead_of_reposted()
    {
        using var f = Fixture(SeoulNine);
        f.Publisher.After.Enqueue(new SimulatedCrashException());
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Run(f));

        f.Restart();
        _tracking.Answers.Enqueue(DeliveryState.Undecided);
        Assert.Equal(DailyRunResult.Retrying, await Run(f));
        Assert.Equal((SeoulNine + TimeSpan.FromSeconds(f.Options.RetryBaseSeconds)).UtcDateTime, f.Current.RetryAtUtc);
        Assert.Equal(0, f.Current.Attempts);

        f.Time.Advance(TimeSpan.FromSeconds(f.Options.RetryBaseSeconds));
        _tracking.Answers.Enqueue(DeliveryState.Delivered);
        Assert.Equal(DailyRunResult.Posted, await Run(f));
        Assert.Single(f.Publisher.Visible);
    }

    [Fact]
    public async Task A_failing_check_retries_later_and_a_gone_channel_pauses_the_subscription()
    {
        using var f = Fixture(SeoulNine);
        f.Publisher.After.Enqueue(new SimulatedCrashException());
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Run(f));

        f.Restart();
        _tracking.Answers.Enqueue(new PublishException(PublishFailure.Transient, "429"));
        Assert.Equal(DailyRunResult.Retrying, await Run(f));
        Assert.Equal(1, f.Current.Attempts);

        _tracking.Answers.Enqueue(new PublishException(PublishFailure.ChannelGone, "404"));
        Assert.Equal(DailyRunResult.Paused, await Run(f));
        Assert.Equal(nameof(PublishFailure.ChannelGone), f.Current.PausedReason);
        Assert.Single(f.Publisher.Visible);
    }

    [Fact]
    public async Task An_interrupted_post_from_an_earlier_day_that_never_landed_closes_that_day_and_keeps_its_concept()
    {
        using var f = Fixture(SeoulNine);
        f.Publisher.Before.Enqueue(new SimulatedCrashException());
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Run(f));

        f.Restart();
        f.Time.Advance(TimeSpan.FromDays(1));
        _tracking.Answers.Enqueue(DeliveryState.NotDelivered);
        Assert.Equal(DailyRunResult.Posted, await Run(f));

        // No backlog: only Saturday's card, and it is the concept Friday never showed.
        var posted = Assert.Single(f.Publisher.Visible);
        Assert.Contains(posted.Reply.Blocks.OfType<TitleBlock>(), t => t.Text == "Pod");
        Assert.Equal("2026-11-28", f.Current.LastPostedDate);
        Assert.Equal(["pod"], f.Current.Shown);
    }

    [Fact]
    public async Task The_digest_after_a_scheduled_card_is_delivered_after_it()
    {
        // Monday 2026-11-30 09:00 in Seoul: card, then digest.
        using var f = Fixture(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), digest: true, lead: TimeSpan.FromMinutes(1));

        Assert.Equal(DailyRunResult.Posted, await Run(f));

        var issued = _tracking.Issued.ToList();
        Assert.Equal(2, issued.Count);
        Assert.Null(issued[0].After);
        Assert.Equal(issued[0].Ticket.PostAt, issued[1].After);
        Assert.True(issued[1].Ticket.PostAt > issued[0].Ticket.PostAt);
        Assert.Equal(2, f.Publisher.Visible.Count);
    }
}
