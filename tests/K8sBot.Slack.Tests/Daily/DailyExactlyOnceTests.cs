using System.Globalization;
using K8sBot.Core.Content;
using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Publishing;
using K8sBot.Slack.Tests.Fake;
using K8sBot.Tests.Shared.Daily;

namespace K8sBot.Slack.Tests.Daily;

/// <summary>
/// Restarts in the middle of a daily post against the loopback Slack, over one real LiteDB file:
/// cards go out through chat.scheduleMessage, and a restart asks chat.scheduledMessages.list and
/// conversations.history before it schedules again. One fake clock runs through every process life.
/// </summary>
public sealed class DailyExactlyOnceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly ConversationAddress Channel = new(Platform.Slack, FakeSlack.TeamId, "C0GENERAL");

    private readonly string _database = DailyRig.NewDatabasePath();
    private readonly FakeClock _clock = new(Start);
    private FakeSlack _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync(_clock);
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

    private DailyRig Rig(AdapterHarness adapter, CrashingPublisher.Crash crash = CrashingPublisher.Crash.Never) =>
        new(_database, Channel, adapter.Get<IPlatformPublisher>(), adapter.Clock, TestCatalog(), crash);

    /// <summary>A tiny curriculum so the tests never depend on the real content folder.</summary>
    private static ContentCatalog TestCatalog() => new(
        [
            Card("pod", 1, "Pod", "The smallest unit that runs containers."),
            Card("daemonset", 2, "DaemonSet", "Runs one pod on every node."),
            Card("service", 3, "Service", "Gives a set of pods a stable address."),
        ],
        [],
        []);

    private static ConceptCard Card(string id, int order, string title, string definition) =>
        new(
            id,
            ConceptCategory.Workloads,
            order,
            new Uri($"https://kubernetes.io/docs/concepts/{id}/"),
            [],
            new CardText(title, [id], definition, ["핵심 하나", "핵심 둘"], ["쓸 때"], ["피할 때"], ["실수"], []),
            new CardText(title, [id], definition, ["Key one", "Key two"], ["Use"], ["Avoid"], ["Mistake"], []),
            null);

    [Fact]
    public async Task A_card_is_scheduled_for_the_next_whole_minute_at_least_ten_seconds_ahead_with_its_key_in_a_block_id()
    {
        _clock.SetUtcNow(Start.AddSeconds(55));
        await using var adapter = await StartAdapterAsync();
        using var rig = Rig(adapter);
        rig.Subscribe(_clock.GetUtcNow());

        Assert.Equal(DailyRunResult.Posted, await rig.RunAsync(manual: true));

        var scheduled = Assert.Single(_fake.Scheduled);
        Assert.Equal(Start.AddMinutes(2).ToUnixTimeSeconds(), scheduled["post_at"]!.GetValue<long>());
        var key = DailyPoster.KeyFor(Channel.ChannelKey, "2026-11-27", DailyPostKind.Card);
        Assert.Equal(SlackPublisher.MarkerPrefix + key, scheduled["blocks"]![0]!["block_id"]!.GetValue<string>());
        Assert.Equal(Start.AddMinutes(2).UtcDateTime, rig.Current.Pending!.PostAtUtc);
        Assert.Equal(0, _fake.CountOf("chat.postMessage"));
    }

    [Fact]
    public async Task A_restart_after_a_crash_before_Slack_accepted_the_card_schedules_it_once()
    {
        await using (var first = await StartAdapterAsync())
        using (var rig = Rig(first, CrashingPublisher.Crash.Before))
        {
            rig.Subscribe(_clock.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));
            Assert.Equal(PendingState.Pending, rig.Current.Pending!.State);
        }

        Assert.Empty(_fake.Scheduled);
        _clock.Advance(TimeSpan.FromHours(1));
        await using (var second = await StartAdapterAsync())
        using (var rig = Rig(second))
        {
            Assert.Equal(DailyRunResult.Posted, await rig.RunAsync());
            Assert.Equal(PendingState.Posted, rig.Current.Pending!.State);
            Assert.Equal(["pod"], rig.Current.Shown);
        }

        // The check found nothing scheduled and nothing posted at the old post_at, so a new one was issued.
        var scheduled = Assert.Single(_fake.Scheduled);
        Assert.Equal(Start.AddHours(1).AddMinutes(1).ToUnixTimeSeconds(), scheduled["post_at"]!.GetValue<long>());
        Assert.Equal(1, _fake.CountOf("conversations.history"));
    }

    [Fact]
    public async Task A_restart_after_the_scheduled_card_was_posted_does_not_post_it_again_and_moves_on()
    {
        await using (var first = await StartAdapterAsync())
        using (var rig = Rig(first, CrashingPublisher.Crash.After))
        {
            rig.Subscribe(_clock.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));
        }

        _clock.Advance(TimeSpan.FromHours(3));
        await using (var second = await StartAdapterAsync())
        using (var rig = Rig(second))
        {
            Assert.Equal(DailyRunResult.Posted, await rig.RunAsync());
            Assert.Single(_fake.Scheduled);
            Assert.Equal(PendingState.Posted, rig.Current.Pending!.State);
            Assert.Equal("2026-11-27", rig.Current.LastPostedDate);
            Assert.Equal(["pod"], rig.Current.Shown);

            _clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(DailyRunResult.Posted, await rig.RunAsync());
            Assert.Equal(["pod", "daemonset"], rig.Current.Shown);
        }

        Assert.Equal(2, _fake.Scheduled.Count);
        var history = await _fake.CallsTo("conversations.history");
        Assert.Equal(Channel.ChannelId, history[0].Arg("channel"));
        Assert.Equal("true", history[0].Arg("inclusive"));
    }

    [Fact]
    public async Task A_restart_before_the_scheduled_time_finds_the_card_in_the_schedule_and_does_not_schedule_it_twice()
    {
        await using (var first = await StartAdapterAsync())
        using (var rig = Rig(first, CrashingPublisher.Crash.After))
        {
            rig.Subscribe(_clock.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));
        }

        _clock.Advance(TimeSpan.FromSeconds(20));
        await using (var second = await StartAdapterAsync())
        using (var rig = Rig(second))
        {
            Assert.Equal(DailyRunResult.Posted, await rig.RunAsync());
            Assert.Equal(PendingState.Posted, rig.Current.Pending!.State);
        }

        Assert.Single(_fake.Scheduled);
        Assert.Equal(1, _fake.CountOf("chat.scheduleMessage"));
        Assert.Equal(0, _fake.CountOf("conversations.history"));
        var list = (await _fake.CallsTo("chat.scheduledMessages.list"))[0];
        Assert.Equal(Channel.ChannelId, list.Arg("channel"));
        Assert.True(long.Parse(list.Arg("oldest")!, CultureInfo.InvariantCulture) < long.Parse(list.Arg("latest")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_post_at_that_passed_while_waiting_is_retried_with_a_new_ticket_not_given_up()
    {
        await using var adapter = await StartAdapterAsync();
        using var rig = Rig(adapter);
        rig.Subscribe(_clock.GetUtcNow());
        _fake.Script("chat.scheduleMessage", new Scripted(200, Fixture.Text("chat-scheduleMessage-error-time-in-past.json")));

        Assert.Equal(DailyRunResult.Retrying, await rig.RunAsync(manual: true));
        Assert.Equal(PendingState.Pending, rig.Current.Pending!.State);
        Assert.Null(rig.Current.LastPostedDate);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(DailyRunResult.Posted, await rig.RunAsync());

        // Slack's definite "no" is remembered, so the retry needs no look-up before scheduling anew.
        Assert.Equal(0, _fake.CountOf("chat.scheduledMessages.list"));
        Assert.Equal(2, _fake.CountOf("chat.scheduleMessage"));
        var scheduled = Assert.Single(_fake.Scheduled);
        Assert.Equal(Start.AddMinutes(6).ToUnixTimeSeconds(), scheduled["post_at"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_rate_limited_schedule_lookup_retries_later_instead_of_scheduling_again()
    {
        await using (var first = await StartAdapterAsync())
        using (var rig = Rig(first, CrashingPublisher.Crash.After))
        {
            rig.Subscribe(_clock.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));
        }

        await using (var second = await StartAdapterAsync())
        using (var rig = Rig(second))
        {
            var limited = Fixture.Text("rate-limited-response.json");
            for (var i = 0; i < 4; i++)
            {
                _fake.Script("chat.scheduledMessages.list", new Scripted(429, limited, "1"));
            }

            var run = rig.RunAsync();
            for (var wait = 1; wait <= 3; wait++)
            {
                await _clock.AdvanceWhenWaitingAsync(d => d == TimeSpan.FromSeconds(1), wait);
            }

            Assert.Equal(DailyRunResult.Retrying, await run.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(PendingState.Pending, rig.Current.Pending!.State);
            Assert.NotNull(rig.Current.RetryAtUtc);

            // Later the look-up works (after the method's pause) and finds the card still scheduled.
            var again = rig.RunAsync();
            await _clock.AdvanceWhenWaitingAsync(d => d == TimeSpan.FromSeconds(1), 4);
            Assert.Equal(DailyRunResult.Posted, await again.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal(1, _fake.CountOf("chat.scheduleMessage"));
        Assert.Equal(5, _fake.CountOf("chat.scheduledMessages.list"));
    }

    [Fact]
    public async Task Without_history_access_a_posted_card_cannot_be_confirmed_and_is_scheduled_again_not_paused()
    {
        await using (var first = await StartAdapterAsync())
        using (var rig = Rig(first, CrashingPublisher.Crash.After))
        {
            rig.Subscribe(_clock.GetUtcNow());
            await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.RunAsync(manual: true));
        }

        _clock.Advance(TimeSpan.FromHours(1));
        await using (var second = await StartAdapterAsync())
        using (var rig = Rig(second))
        {
            _fake.Script("conversations.history", new Scripted(200, """{"ok":false,"error":"not_in_channel"}"""));

            Assert.Equal(DailyRunResult.Posted, await rig.RunAsync());
            Assert.Null(rig.Current.PausedReason);
            Assert.Contains(second.Logs.Lines.Items, l => l.Contains("cannot be confirmed", StringComparison.Ordinal));
        }

        // The documented window (docs/daily.md): unknown after post_at means scheduling again.
        Assert.Equal(2, _fake.Scheduled.Count);
    }

    [Fact]
    public async Task Post_at_is_the_next_whole_minute_and_never_shared_with_the_previous_post()
    {
        await using var adapter = await StartAdapterAsync();
        var publisher = (ITrackedPublisher)adapter.Get<IPlatformPublisher>();

        var alone = publisher.Issue(Channel, "dc1", Start.AddSeconds(49), null);
        var tight = publisher.Issue(Channel, "dc1", Start.AddSeconds(50), null);
        var afterCard = publisher.Issue(Channel, "dd1", Start.AddSeconds(5), Start.AddMinutes(1));
        var inThread = publisher.Issue(Channel with { ThreadId = "1.2" }, "dc1", Start, null);

        Assert.Equal(Start.AddMinutes(1), alone.PostAt);
        Assert.Equal(Start.AddMinutes(1), tight.PostAt);
        Assert.Equal(Start.AddMinutes(2), afterCard.PostAt);
        Assert.Null(inThread.PostAt);
        Assert.Equal(Start.AddSeconds(49), alone.IssuedAt);
    }

    private async Task<AdapterHarness> StartAdapterAsync()
    {
        var adapter = await AdapterHarness.StartAsync(_fake, _clock, socketMode: false, http: true);
        await adapter.States.FirstAsync(s => s.State == AdapterState.Connected);
        return adapter;
    }
}
