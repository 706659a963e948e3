using K8sBot.Core.Content;
using K8sBot.Core.Daily;
using K8sBot.Discord.Publishing;
using K8sBot.Discord.Rendering;
using K8sBot.Discord.Tests.Fakes;
using K8sBot.Tests.Shared.Daily;

namespace K8sBot.Discord.Tests.Daily;

/// <summary>
/// Restarts in the middle of a daily post against the loopback Discord, over one real LiteDB file:
/// the fake keeps posted messages, honours enforce_nonce for <see cref="FakeDiscord.NonceWindow"/>
/// only, and serves GET /channels/{id}/messages.
/// </summary>
public sealed class DailyExactlyOnceTests : IAsyncLifetime
{
    private readonly string _database = DailyRig.NewDatabasePath();
    private FakeDiscord _fake = null!;

    private static readonly K8sBot.Core.Messaging.ConversationAddress Channel = new(K8sBot.Core.Messaging.Platform.Discord, "290926798626357999", "645027906669510667");

    private static string ChannelId => Channel.ChannelId;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _fake.Remember = true;
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        var folder = Path.GetDirectoryName(_database)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private DailyRig Rig(AdapterHarness harness, CrashingPublisher.Crash crash = CrashingPublisher.Crash.Never) =>
        new(_database, Channel, harness.Get<K8sBot.Core.Messaging.IPlatformPublisher>(), harness.Time, FixtureCatalog.Create(), crash);

    [Fact]
    public async Task A_restart_after_a_crash_before_Discord_accepted_the_card_posts_it_once()
    {
        await using (var first = AdapterHarness.Create(_fake, new FakeCore()))
        using (var rig = Rig(first, CrashingPublisher.Crash.Before))
        {
            rig.Subscribe(first.Time.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));
            Assert.Equal(PendingState.Pending, rig.Current.Pending!.State);
        }

        Assert.Empty(_fake.MessagesIn(ChannelId));
        await using (var second = AdapterHarness.Create(_fake, new FakeCore()))
        using (var rig = Rig(second))
        {
            second.Time.Advance(TimeSpan.FromHours(1));
            var result = await rig.RunAsync();

            Assert.Equal(DailyRunResult.Posted, result);
            Assert.Equal(PendingState.Posted, rig.Current.Pending!.State);
            Assert.Equal(["pod"], rig.Current.Shown);
            Assert.Equal("2026-11-27", rig.Current.LastPostedDate);
        }

        var message = Assert.Single(_fake.MessagesIn(ChannelId));
        var key = DailyPoster.KeyFor(Channel.ChannelKey, "2026-11-27", DailyPostKind.Card);
        var customId = message["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        Assert.StartsWith($"~{key}~", customId, StringComparison.Ordinal);
        Assert.Equal(CardActions.QuizMe, DiscordRenderer.ParseCustomId(customId, null)!.ActionId);
        Assert.Equal("pod", DiscordRenderer.ParseCustomId(customId, null)!.Value);
    }

    [Fact]
    public async Task A_restart_long_after_Discord_accepted_the_card_does_not_post_it_again_and_moves_on()
    {
        await using (var first = AdapterHarness.Create(_fake, new FakeCore()))
        using (var rig = Rig(first, CrashingPublisher.Crash.After))
        {
            rig.Subscribe(first.Time.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));
            Assert.Equal(PendingState.Pending, rig.Current.Pending!.State);
        }

        Assert.Single(_fake.MessagesIn(ChannelId));
        await using (var second = AdapterHarness.Create(_fake, new FakeCore()))
        using (var rig = Rig(second))
        {
            // Far beyond Discord's nonce memory: only the history check can recognise the card.
            second.Time.Advance(TimeSpan.FromHours(3));
            var result = await rig.RunAsync();

            Assert.Equal(DailyRunResult.Posted, result);
            Assert.Single(_fake.MessagesIn(ChannelId));
            Assert.Equal(PendingState.Posted, rig.Current.Pending!.State);
            Assert.Equal("2026-11-27", rig.Current.LastPostedDate);
            Assert.Equal(["pod"], rig.Current.Shown);

            second.Time.Advance(TimeSpan.FromDays(1));
            Assert.Equal(DailyRunResult.Posted, await rig.RunAsync());
        }

        var messages = _fake.MessagesIn(ChannelId);
        Assert.Equal(2, messages.Count);
        Assert.Equal("pod", DiscordRenderer.ParseCustomId(messages[0]["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>(), null)!.Value);
        Assert.Equal("daemonset", DiscordRenderer.ParseCustomId(messages[1]["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>(), null)!.Value);
    }

    [Fact]
    public async Task The_history_check_pages_through_a_busy_channel_and_is_bounded()
    {
        await using (var first = AdapterHarness.Create(_fake, new FakeCore()))
        using (var rig = Rig(first, CrashingPublisher.Crash.After))
        {
            rig.Subscribe(first.Time.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));

            // Other bots keep talking after the card.
            var publisher = first.Get<K8sBot.Core.Messaging.IPlatformPublisher>();
            for (var i = 0; i < DiscordPublisher.HistoryPage + 10; i++)
            {
                first.Time.Advance(TimeSpan.FromSeconds(1));
                await publisher.PostAsync(Channel, K8sBot.Core.Messaging.Reply.Text("chatter " + i), null, CancellationToken.None);
            }
        }

        await using (var second = AdapterHarness.Create(_fake, new FakeCore()))
        using (var rig = Rig(second))
        {
            second.Time.Advance(TimeSpan.FromHours(2));
            Assert.Equal(DailyRunResult.Posted, await rig.RunAsync());
        }

        var reads = new List<RecordedRequest>();
        while (_fake.Requests.Reader.TryRead(out var request))
        {
            if (request.Method == "GET" && request.Path == $"/channels/{ChannelId}/messages")
            {
                reads.Add(request);
            }
        }

        Assert.Equal(DiscordPublisher.HistoryPage + 11, _fake.MessagesIn(ChannelId).Count);
        Assert.InRange(reads.Count, 1, DiscordPublisher.HistoryPages);
        Assert.All(reads, r => Assert.Contains("limit=50", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_read_message_history_a_restart_inside_the_nonce_window_still_posts_once()
    {
        await using (var first = AdapterHarness.Create(_fake, new FakeCore()))
        using (var rig = Rig(first, CrashingPublisher.Crash.After))
        {
            rig.Subscribe(first.Time.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));
        }

        await using (var second = AdapterHarness.Create(_fake, new FakeCore()))
        using (var rig = Rig(second))
        {
            _fake.Script(request => request.Method == "GET" ? FakeResponse.Json("{\"message\":\"Missing Access\",\"code\":50001}") with { Status = 403 } : null);
            second.Time.Advance(TimeSpan.FromMinutes(1));
            var result = await rig.RunAsync();

            Assert.Equal(DailyRunResult.Posted, result);
            Assert.Equal(PendingState.Posted, rig.Current.Pending!.State);
            Assert.Null(rig.Current.PausedReason);
        }

        // The check could not look, so the card was re-sent with its nonce, which Discord dropped.
        Assert.Single(_fake.MessagesIn(ChannelId));
    }

    [Fact]
    public void A_snowflake_from_a_time_orders_after_every_earlier_message()
    {
        // The docs' snowflake example (Reference.md, "Snowflakes"): 175928847299117063 was made at
        // 41944705796 ms after the Discord epoch, 2016-04-30 11:18:25.796 UTC.
        var at = new DateTimeOffset(2016, 4, 30, 11, 18, 25, 796, TimeSpan.Zero);

        Assert.True(DiscordPublisher.SnowflakeAt(at) <= 175928847299117063UL);
        Assert.True(DiscordPublisher.SnowflakeAt(at.AddMilliseconds(1)) > 175928847299117063UL);
    }
}
