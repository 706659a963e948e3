using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using K8sBot.Tests.Shared.Daily;
using Moq;

namespace K8sBot.Core.Tests.Daily;

public sealed class DailyDigestTests
{
    // Monday 2026-11-30 08:00 in Seoul.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 29, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Monday_posts_the_card_then_the_digest_with_top_five_and_three_review_buttons()
    {
        var source = new Mock<IWeeklyDigestSource>();
        source.Setup(s => s.TopFiveAsync(It.IsAny<TenantKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new("u1", "@everyone", 90), new("u2", "Jin", 80), new("u3", "Ara", 70), new("u4", "Bo", 60), new("u5", "Chan", 50), new("u6", "Dae", 40)]);
        source.Setup(s => s.WorstConceptsAsync(It.IsAny<ConversationAddress>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(["service", "unknown-id", "deployment", "pod", "replicaset"]);
        using var f = new DailyFixture(MondayMorning, source.Object);
        f.Subscribe(digest: true);

        var (result, _) = await f.RunNextAsync();
        var again = await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);

        Assert.Equal(DailyRunResult.Posted, result);
        Assert.Equal(DailyRunResult.NothingDue, again);
        var posts = f.Publisher.Visible.ToList();
        Assert.Equal(2, posts.Count);
        var digest = posts[1].Reply;
        var leaders = Assert.Single(digest.Blocks.OfType<FieldsBlock>()).Fields[0].Value;
        Assert.Equal(5, leaders.Split('\n').Length);
        Assert.DoesNotContain("Dae", leaders, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", leaders, StringComparison.Ordinal);
        var buttons = Assert.Single(digest.Blocks.OfType<ButtonsBlock>()).Buttons;
        Assert.Equal(["service", "deployment", "pod"], buttons.Select(b => b.Value));
        Assert.All(buttons, b => Assert.Equal("quiz.start", b.ActionId));

        // The week reviewed is the seven local days before Monday 00:00 in Seoul.
        source.Verify(s => s.TopFiveAsync(
            new TenantKey(Platform.Discord, "g1"),
            new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(9)),
            new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(9)),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Without_scoring_data_the_digest_says_no_data_yet()
    {
        using var f = new DailyFixture(MondayMorning);
        f.Subscribe(digest: true);

        await f.RunNextAsync();

        var digest = f.Publisher.Visible.Last().Reply;
        Assert.Contains("No data yet", digest.Fallback, StringComparison.Ordinal);
        Assert.Empty(digest.Blocks.OfType<ButtonsBlock>());
    }

    [Fact]
    public async Task No_digest_on_other_days_or_when_switched_off()
    {
        using var f = new DailyFixture(MondayMorning.AddDays(1));
        f.Subscribe(digest: true);
        await f.RunNextAsync();

        using var g = new DailyFixture(MondayMorning);
        g.Subscribe(digest: false);
        await g.RunNextAsync();

        Assert.Single(f.Publisher.Visible);
        Assert.Single(g.Publisher.Visible);
    }

    [Fact]
    public async Task A_crash_after_the_card_was_accepted_still_posts_card_and_digest_once_each()
    {
        using var f = new DailyFixture(MondayMorning);
        f.Subscribe(digest: true);
        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        f.Publisher.After.Enqueue(new SimulatedCrashException());

        await Assert.ThrowsAsync<SimulatedCrashException>(() => f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None));
        f.Restart();
        await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);
        await f.Poster.RunAsync(DailyFixture.Channel.ChannelKey, false, CancellationToken.None);

        Assert.Equal(2, f.Publisher.Visible.Count);
        Assert.Equal(2, f.Publisher.Visible.Select(v => v.Key).Distinct().Count());
        Assert.Equal("2026-11-30", f.Current.LastDigestDate);
    }
}
