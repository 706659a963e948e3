using K8sBot.Core.Messaging;
using K8sBot.Slack.Api;
using K8sBot.Slack.Inbound;
using K8sBot.Slack.Tests.Fake;

namespace K8sBot.Slack.Tests;

public sealed class WebApiTests
{
    private static readonly ConversationAddress General = new(Platform.Slack, FakeSlack.TeamId, "C0GENERAL");

    private static async Task<(FakeSlack Fake, AdapterHarness Adapter)> StartAsync(FakeClock? clock = null, Action<Dictionary<string, string?>>? configure = null)
    {
        clock ??= new FakeClock();
        var fake = await FakeSlack.StartAsync(clock);
        var adapter = await AdapterHarness.StartAsync(fake, clock, socketMode: false, http: true, configure: configure);
        await adapter.States.FirstAsync(s => s.State == AdapterState.Connected);
        return (fake, adapter);
    }

    [Fact]
    public async Task Rate_limited_post_waits_for_retry_after_and_then_succeeds()
    {
        var clock = new FakeClock();
        var (fake, adapter) = await StartAsync(clock);
        await using (fake)
        await using (adapter)
        {
            fake.Script("chat.postMessage", new Scripted(429, Fixture.Text("rate-limited-response.json"), RetryAfter: "30"));
            var publisher = adapter.Get<IPlatformPublisher>();

            var post = publisher.PostAsync(General, Reply.Text("daily card"), null, CancellationToken.None);
            await adapter.Metrics.FirstAsync(m => m is ("k8sbot.rest.rate_limited", "chat.postMessage"));
            Assert.False(post.IsCompleted);
            await clock.AdvanceWhenWaitingAsync(d => d == TimeSpan.FromSeconds(30));
            var posted = await post.WaitAsync(Recorder<int>.Timeout);

            var calls = await fake.CallsTo("chat.postMessage", 2);
            Assert.Equal(TimeSpan.FromSeconds(30), calls[1].At - calls[0].At);
            Assert.Equal(General, posted.Where);
            Assert.StartsWith("1700000000.", posted.MessageId, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rate_limit_on_one_method_does_not_pause_another()
    {
        var clock = new FakeClock();
        var (fake, adapter) = await StartAsync(clock);
        await using (fake)
        await using (adapter)
        {
            fake.Script("chat.postMessage", new Scripted(429, Fixture.Text("rate-limited-response.json"), RetryAfter: "30"));
            var publisher = adapter.Get<IPlatformPublisher>();
            var post = publisher.PostAsync(General, Reply.Text("card"), null, CancellationToken.None);
            await adapter.Metrics.FirstAsync(m => m.Name == "k8sbot.rest.rate_limited");

            await publisher.UpdateAsync(new PostedMessage(General, "1700000000.000009"), Reply.Text("edited"), CancellationToken.None).WaitAsync(Recorder<int>.Timeout);

            Assert.False(post.IsCompleted);
            Assert.Equal(1, fake.CountOf("chat.update"));
        }
    }

    [Fact]
    public async Task Posts_to_one_channel_are_paced_one_per_second_while_other_channels_go_at_once()
    {
        var clock = new FakeClock();
        var (fake, adapter) = await StartAsync(clock);
        await using (fake)
        await using (adapter)
        {
            var publisher = adapter.Get<IPlatformPublisher>();
            var posts = Enumerable.Range(1, 3).Select(i => publisher.PostAsync(General, Reply.Text($"round {i}"), null, CancellationToken.None)).ToList();
            var other = publisher.PostAsync(General with { ChannelId = "C0OTHER" }, Reply.Text("elsewhere"), null, CancellationToken.None);
            await other.WaitAsync(Recorder<int>.Timeout);
            await fake.CallsTo("chat.postMessage", 2);

            // The second post waits for the next one-second slot, the third for the one after.
            await clock.Timers.WaitAsync(d => d == TimeSpan.FromSeconds(1));
            await clock.Timers.WaitAsync(d => d == TimeSpan.FromSeconds(2));
            clock.Advance(TimeSpan.FromSeconds(1));
            await fake.CallsTo("chat.postMessage", 3);
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAll(posts).WaitAsync(Recorder<int>.Timeout);

            var general = fake.Calls.Items.Where(c => c.Method == "chat.postMessage" && c.Arg("channel") == "C0GENERAL").Select(c => c.At).ToList();
            Assert.Equal(3, general.Count);
            Assert.Equal(TimeSpan.FromSeconds(1), general[1] - general[0]);
            Assert.Equal(TimeSpan.FromSeconds(1), general[2] - general[1]);
        }
    }

    [Theory]
    [InlineData("channel_not_found", PublishFailure.ChannelGone)]
    [InlineData("not_in_channel", PublishFailure.ChannelGone)]
    [InlineData("is_archived", PublishFailure.ChannelGone)]
    [InlineData("missing_scope", PublishFailure.Forbidden)]
    [InlineData("restricted_action", PublishFailure.Forbidden)]
    [InlineData("invalid_blocks", PublishFailure.Rejected)]
    [InlineData("msg_too_long", PublishFailure.Rejected)]
    [InlineData("internal_error", PublishFailure.Transient)]
    public async Task Slack_errors_become_publish_failures_and_clear_log_lines(string error, PublishFailure expected)
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            fake.Script("chat.postMessage", new Scripted(200, $$"""{"ok":false,"error":"{{error}}"}"""));

            var failure = await Assert.ThrowsAsync<PublishException>(() => adapter.Get<IPlatformPublisher>().PostAsync(General, Reply.Text("x"), null, CancellationToken.None));

            Assert.Equal(expected, failure.Failure);
            Assert.Contains(adapter.Logs.Lines.Items, l => l.Contains("chat.postMessage failed: " + error, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        var clock = new FakeClock();
        var (fake, adapter) = await StartAsync(clock);
        await using (fake)
        await using (adapter)
        {
            fake.Script("chat.update", new Scripted(503, "upstream"));
            var update = adapter.Get<IPlatformPublisher>().UpdateAsync(new PostedMessage(General, "1.2"), Reply.Text("x"), CancellationToken.None);

            await clock.AdvanceWhenWaitingAsync(d => d >= TimeSpan.FromMilliseconds(500) && d < TimeSpan.FromSeconds(1));
            await update.WaitAsync(Recorder<int>.Timeout);

            Assert.Equal(2, fake.CountOf("chat.update"));
        }
    }

    [Fact]
    public async Task Invalid_auth_stops_the_adapter_once_and_the_host_keeps_serving()
    {
        var clock = new FakeClock();
        await using var fake = await FakeSlack.StartAsync(clock);
        fake.Script("auth.test", new Scripted(200, Fixture.Text("auth-test-error.json").Replace("not_authed", "invalid_auth", StringComparison.Ordinal)));
        await using var adapter = await AdapterHarness.StartAsync(fake, clock, socketMode: true, http: true);

        var stopped = await adapter.States.FirstAsync(s => s.State == AdapterState.Stopped);

        Assert.Contains("invalid_auth", stopped.Reason, StringComparison.Ordinal);
        Assert.Equal(0, fake.CountOf("apps.connections.open"));
        Assert.Single(adapter.Logs.Lines.Items, l => l.StartsWith("Critical", StringComparison.Ordinal));
        using var http = new HttpClient();
        var served = await http.PostAsync(new Uri(adapter.BaseUrl, "slack/events"), new StringContent("{}"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, served.StatusCode); // still serving, still verifying
    }

    [Fact]
    public async Task Tokens_never_reach_the_logs()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            fake.Script("chat.postMessage", new Scripted(200, """{"ok":false,"error":"not_in_channel"}"""));
            await Assert.ThrowsAsync<PublishException>(() => adapter.Get<IPlatformPublisher>().PostAsync(General, Reply.Text("x"), null, CancellationToken.None));

            Assert.NotEmpty(adapter.Logs.Lines.Items);
            Assert.DoesNotContain(adapter.Logs.Lines.Items, l => l.Contains("secretbottoken", StringComparison.Ordinal) || l.Contains(AdapterHarness.SigningSecret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Publisher_updates_threads_and_drops_a_repeated_idempotent_post()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            var publisher = adapter.Get<IPlatformPublisher>();
            var root = await publisher.PostAsync(General, Reply.Text("competition"), "comp-1", CancellationToken.None);
            var again = await publisher.PostAsync(General, Reply.Text("competition"), "comp-1", CancellationToken.None);
            var thread = await publisher.OpenThreadAsync(root, "round 1", CancellationToken.None);
            await publisher.UpdateAsync(root, Reply.Text("closed"), CancellationToken.None);

            Assert.Equal(root, again);
            Assert.Equal(1, fake.CountOf("chat.postMessage"));
            Assert.Equal(General with { ThreadId = root.MessageId }, thread);
            var update = (await fake.CallsTo("chat.update"))[0];
            Assert.Equal(root.MessageId, update.Arg("ts"));
            Assert.Equal("C0GENERAL", update.Arg("channel"));
            Assert.Equal("closed", update.Arg("text"));
        }
    }

    [Fact]
    public async Task Post_in_a_thread_sets_thread_ts()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            await adapter.Get<IPlatformPublisher>().PostAsync(General with { ThreadId = "1700000000.000001" }, Reply.Text("question 2"), null, CancellationToken.None);

            var call = (await fake.CallsTo("chat.postMessage"))[0];
            Assert.Equal("1700000000.000001", call.Arg("thread_ts"));
        }
    }

    [Fact]
    public async Task Scheduled_messages_can_be_created_and_listed()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            var api = adapter.Get<SlackApiClient>();
            var at = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
            var id = await api.ScheduleMessageAsync("C0GENERAL", at, new System.Text.Json.Nodes.JsonObject { ["text"] = "daily" }, CancellationToken.None);
            var list = await api.ListScheduledMessagesAsync("C0GENERAL", CancellationToken.None);

            var call = (await fake.CallsTo("chat.scheduleMessage"))[0];
            Assert.Equal(at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), call.Arg("post_at"));
            Assert.Equal("Q1298393284", id);
            Assert.Equal("Q1298393284", Assert.Single(list).Id);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1562180400), list[0].PostAt);
        }
    }

    [Fact]
    public async Task Scheduled_message_ids_and_times_are_read_whether_slack_sends_numbers_or_strings()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            // The method page's example has a numeric id; the live API sends "Q…" strings.
            fake.Script("chat.scheduledMessages.list", new Scripted(200, """
                {"ok":true,"scheduled_messages":[
                  {"id":1298393284,"channel_id":"C1H9RESGL","post_at":1551991428,"date_created":1551891734,"text":"Here's a message for you in the future"},
                  {"id":"Q1298393285","channel_id":"C1H9RESGL","post_at":"1551991488","date_created":1551891734},
                  {"id":"Q1298393286","channel_id":"C1H9RESGL","post_at":null}
                ],"response_metadata":{"next_cursor":""}}
                """));

            var list = await adapter.Get<SlackApiClient>().ListScheduledMessagesAsync("C1H9RESGL", CancellationToken.None);

            Assert.Equal(["1298393284", "Q1298393285"], list.Select(m => m.Id));
            Assert.Equal([DateTimeOffset.FromUnixTimeSeconds(1551991428), DateTimeOffset.FromUnixTimeSeconds(1551991488)], list.Select(m => m.PostAt));
            Assert.Equal("Here's a message for you in the future", list[0].Text);
            Assert.Null(list[1].Text);
        }
    }

    [Fact]
    public async Task Admins_come_from_users_info_or_configuration_and_lookups_are_cached()
    {
        var (fake, adapter) = await StartAsync(configure: s => s["Slack:Admins:0"] = "U0CONFIG");
        await using (fake)
        await using (adapter)
        {
            fake.Admins.Add("U0OWNER");
            var users = adapter.Get<SlackUserDirectory>();

            var owner = await users.GetAsync("U0OWNER", "owner", CancellationToken.None);
            var configured = await users.GetAsync("U0CONFIG", "config", CancellationToken.None);
            var member = await users.GetAsync("U0MEMBER", "member", CancellationToken.None);
            _ = await users.GetAsync("U0MEMBER", "member", CancellationToken.None);

            Assert.True(owner.IsAdmin);
            Assert.True(configured.IsAdmin);
            Assert.False(member.IsAdmin);
            Assert.Equal("en-US", member.Locale);
            Assert.Equal(3, fake.CountOf("users.info"));
        }
    }

    [Fact]
    public async Task Failed_user_lookup_falls_back_to_a_non_admin_without_locale()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            fake.Script("users.info", new Scripted(200, """{"ok":false,"error":"missing_scope","needed":"users:read"}"""));

            var user = await adapter.Get<SlackUserDirectory>().GetAsync("U0X", "xname", CancellationToken.None);

            Assert.Equal(new ChatUser("U0X", "xname", null, false), user);
        }
    }
}
