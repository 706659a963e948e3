using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Tests.Fake;

namespace K8sBot.Slack.Tests;

public sealed class SocketModeTests
{
    private static async Task<(FakeSlack Fake, AdapterHarness Adapter, FakeSocket Socket)> ConnectAsync(FakeClock? clock = null, Action<Dictionary<string, string?>>? configure = null)
    {
        clock ??= new FakeClock();
        var fake = await FakeSlack.StartAsync(clock);
        var adapter = await AdapterHarness.StartAsync(fake, clock, configure: configure);
        var socket = await fake.Sockets.FirstAsync();
        await adapter.States.FirstAsync(s => s.State == AdapterState.Connected);
        return (fake, adapter, socket);
    }

    [Fact]
    public async Task Adapter_authenticates_opens_the_socket_with_the_app_token_and_is_connected_after_hello()
    {
        var (fake, adapter, _) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            var auth = await fake.CallsTo("auth.test");
            var open = await fake.CallsTo("apps.connections.open");
            Assert.Equal("Bearer " + AdapterHarness.BotToken, auth[0].Authorization);
            Assert.Equal("Bearer " + AdapterHarness.AppToken, open[0].Authorization);
            Assert.DoesNotContain("xapp", open[0].Body, StringComparison.Ordinal);
            Assert.Equal(AdapterState.Connected, adapter.Get<AdapterStatusBoard>().All.Single(s => s.Adapter == "slack").State);
        }
    }

    [Fact]
    public async Task Slash_command_is_acked_before_the_core_answers_and_the_answer_goes_to_response_url()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            adapter.Core.Gate = new TaskCompletionSource();
            await socket.SendAsync(Envelopes.SlashCommand("env-1", "match start 3 5", fake.HookUrl("cmd1")));

            var ack = await socket.AckAsync("env-1");
            var message = await adapter.Core.Messages.FirstAsync();
            Assert.Empty(fake.Hooks.Items); // acked while the core is still working
            Assert.Equal(["envelope_id"], ack.Select(p => p.Key));

            adapter.Core.Gate.SetResult();
            var hook = await fake.Hooks.FirstAsync();
            Assert.Equal("match start 3 5", message.Text);
            Assert.Equal(new ConversationAddress(Platform.Slack, "T123ABC456", "C123ABC456"), message.Where);
            Assert.Equal("U123ABC456", message.User.Id);
            Assert.Equal("Display U123ABC456", message.User.DisplayName);
            Assert.Equal("en-US", message.User.Locale);
            Assert.Equal(adapter.Clock.GetUtcNow(), message.ReceivedAt);
            Assert.Equal("cmd1", hook.Id);
            Assert.Equal("in_channel", hook.Body["response_type"]!.ToString());
            Assert.Contains("you asked: match start 3 5", hook.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Private_reply_to_a_slash_command_is_ephemeral()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            adapter.Core.Respond = _ => [Reply.Text("only you").AsPrivate()];
            await socket.SendAsync(Envelopes.SlashCommand("env-1", "help", fake.HookUrl("cmd1")));

            var hook = await fake.Hooks.FirstAsync();
            Assert.Equal("ephemeral", hook.Body["response_type"]!.ToString());
            Assert.Equal("only you", hook.Body["text"]!.ToString());
        }
    }

    [Fact]
    public async Task Mention_reaches_the_core_without_the_bot_mention_and_is_answered_in_its_thread()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            await socket.SendAsync(Envelopes.Mention("env-1", "Ev1", "<@U222> what is a pod?"));

            var message = await adapter.Core.Messages.FirstAsync();
            var post = await fake.CallsTo("chat.postMessage");
            Assert.Equal("what is a pod?", message.Text);
            Assert.Equal(new ConversationAddress(Platform.Slack, "T111", "C111", "1605853844.000800"), message.Where);
            Assert.False(message.IsDirect);
            Assert.Equal("C111", post[0].Arg("channel"));
            Assert.Equal("1605853844.000800", post[0].Arg("thread_ts"));
            Assert.Equal("Bearer " + AdapterHarness.BotToken, post[0].Authorization);
        }
    }

    [Fact]
    public async Task Mention_inside_a_thread_is_answered_in_that_thread()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            await socket.SendAsync(Envelopes.Mention("env-1", "Ev1", "<@U222> ask service", threadTs: "1605850000.000100"));

            var message = await adapter.Core.Messages.FirstAsync();
            var post = await fake.CallsTo("chat.postMessage");
            Assert.Equal("1605850000.000100", message.Where.ThreadId);
            Assert.Equal("1605850000.000100", post[0].Arg("thread_ts"));
            Assert.Equal("ask service", message.Text);
        }
    }

    [Fact]
    public async Task Direct_message_is_handled_as_direct_and_answered_in_the_dm()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            await socket.SendAsync(Envelopes.Event("env-1", Envelopes.DirectMessage("Ev9", "what is a &lt;Deployment&gt;?")));

            var message = await adapter.Core.Messages.FirstAsync();
            var post = await fake.CallsTo("chat.postMessage");
            Assert.True(message.IsDirect);
            Assert.Equal("what is a <Deployment>?", message.Text);
            Assert.Null(message.Where.ThreadId);
            Assert.Equal("D0PNCRP9N", post[0].Arg("channel"));
            Assert.Null(post[0].Arg("thread_ts"));
        }
    }

    [Fact]
    public async Task Bot_messages_own_messages_edits_and_joins_are_ignored()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            var bot = Fixture.Json("event-message-bot.json");
            bot["event"]!["channel_type"] = "im";
            var classic = Fixture.Json("event-message-bot-classic.json");
            classic["event"]!["channel_type"] = "im";
            var edit = Envelopes.DirectMessage("Ev-edit", "edited");
            edit["event"]!["subtype"] = "message_changed";
            var join = Envelopes.DirectMessage("Ev-join", "joined");
            join["event"]!["subtype"] = "channel_join";
            var own = Envelopes.DirectMessage("Ev-own", "my own post", user: FakeSlack.BotUserId);
            var channelMessage = Fixture.Json("envelope-events-api-message.json"); // a plain channel message: mentions arrive as app_mention instead

            await socket.SendAsync(Envelopes.Event("e1", bot));
            await socket.SendAsync(Envelopes.Event("e2", classic));
            await socket.SendAsync(Envelopes.Event("e3", edit));
            await socket.SendAsync(Envelopes.Event("e4", join));
            await socket.SendAsync(Envelopes.Event("e5", own));
            await socket.SendAsync(channelMessage.ToJsonString());
            await socket.SendAsync(Envelopes.Event("e7", Envelopes.DirectMessage("Ev-last", "sentinel")));

            await socket.Received.WaitAsync(count: 7);
            await fake.CallsTo("chat.postMessage");
            Assert.Equal(["sentinel"], adapter.Core.Messages.Items.Select(m => m.Text));
        }
    }

    [Fact]
    public async Task Button_press_reaches_the_core_with_its_action_value_and_message()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            adapter.Core.Respond = _ => [Reply.Text("correct!") with { ReplacesOriginal = true }];
            await socket.SendAsync(Envelopes.ButtonPress("env-b", fake.HookUrl("btn"), actionId: "quiz.answer#2", value: "q7:2"));

            var message = await adapter.Core.Messages.FirstAsync();
            var hook = await fake.Hooks.FirstAsync();
            Assert.Equal(new ButtonPress("quiz.answer", "q7:2", "1605853634.000400"), message.Button);
            Assert.Equal(new ConversationAddress(Platform.Slack, "T111", "C111"), message.Where);
            Assert.Equal("U111", message.User.Id);
            Assert.True(hook.Body["replace_original"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Private_answer_to_a_button_is_ephemeral_and_leaves_the_original()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            adapter.Core.Respond = _ => [Reply.Text("only you").AsPrivate()];
            await socket.SendAsync(Envelopes.ButtonPress("env-b", fake.HookUrl("btn")));

            var hook = await fake.Hooks.FirstAsync();
            Assert.Equal("ephemeral", hook.Body["response_type"]!.ToString());
            Assert.False(hook.Body["replace_original"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Redelivered_event_and_envelope_are_acked_every_time_but_handled_once()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            await socket.SendAsync(Envelopes.Mention("env-1", "Ev1", "<@U222> quiz answer B"));
            await socket.SendAsync(Envelopes.Mention("env-2", "Ev1", "<@U222> quiz answer B", retry: 1));
            await socket.SendAsync(Envelopes.Mention("env-2", "Ev1", "<@U222> quiz answer B", retry: 1));
            await socket.SendAsync(Envelopes.ButtonPress("env-3", fake.HookUrl("b")));
            await socket.SendAsync(Envelopes.ButtonPress("env-4", fake.HookUrl("b")));
            await socket.SendAsync(Envelopes.Event("env-5", Envelopes.DirectMessage("Ev-last", "sentinel")));

            await socket.Received.WaitAsync(count: 6);
            // Envelopes are routed in order, so once the last one is handled every duplicate was already judged.
            await adapter.Core.Messages.WaitAsync(m => m.Text == "sentinel");
            await adapter.Core.Messages.WaitAsync(m => m.Button is not null);
            await fake.CallsTo("chat.postMessage", 2);
            Assert.Equal(6, socket.Received.Items.Count);
            Assert.Single(adapter.Core.Messages.Items, m => m.Text == "quiz answer B");
            Assert.Single(adapter.Core.Messages.Items, m => m.Button is not null);
        }
    }

    [Fact]
    public async Task Refresh_opens_the_next_connection_before_closing_the_old_one_and_loses_nothing()
    {
        var (fake, adapter, first) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            fake.SendHello = false;
            await first.SendFixtureAsync("socket-disconnect-refresh.json");
            var second = await fake.Sockets.FirstAsync(s => s.Number == 2);

            // Until the new socket says hello the old one stays open and keeps delivering.
            await first.SendAsync(Envelopes.Mention("env-old", "Ev-old", "<@U222> during refresh"));
            await first.AckAsync("env-old");
            Assert.False(first.Closed.IsCompleted);

            await second.SendFixtureAsync("socket-hello.json");
            await first.Closed.WaitAsync(Recorder<int>.Timeout);
            await second.SendAsync(Envelopes.Mention("env-new", "Ev-new", "<@U222> after refresh"));
            await second.AckAsync("env-new");

            await adapter.Core.Messages.WaitAsync(count: 2);
            Assert.Equal(["during refresh", "after refresh"], adapter.Core.Messages.Items.Select(m => m.Text!).Order().Reverse());
            Assert.Equal(2, fake.CountOf("apps.connections.open"));
            Assert.Contains(adapter.Metrics.Items, m => m is ("k8sbot.gateway.reconnects", "refresh"));
        }
    }

    [Fact]
    public async Task Warning_disconnect_also_moves_to_a_new_connection()
    {
        var (fake, adapter, first) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            await first.SendFixtureAsync("socket-disconnect-warning.json");

            var second = await fake.Sockets.FirstAsync(s => s.Number == 2);
            await first.Closed.WaitAsync(Recorder<int>.Timeout);
            await second.SendAsync(Envelopes.SlashCommand("env-1", "help", fake.HookUrl("h")));
            await second.AckAsync("env-1");
            await adapter.Core.Messages.FirstAsync();
        }
    }

    [Fact]
    public async Task Link_disabled_stops_the_adapter_without_reconnecting()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            await socket.SendFixtureAsync("socket-disconnect-link-disabled.json");

            var stopped = await adapter.States.FirstAsync(s => s.State == AdapterState.Stopped);
            await socket.Closed.WaitAsync(Recorder<int>.Timeout);
            Assert.Contains("link_disabled", stopped.Reason, StringComparison.Ordinal);
            Assert.Equal(1, fake.CountOf("apps.connections.open"));
            var status = adapter.Get<AdapterStatusBoard>().All.Single();
            Assert.Equal(AdapterState.Stopped, status.State);
            var publisher = adapter.Get<IPlatformPublisher>();
            var failure = await Assert.ThrowsAsync<PublishException>(() => publisher.PostAsync(new ConversationAddress(Platform.Slack, "T111", "C1"), Reply.Text("hi"), null, CancellationToken.None));
            Assert.Equal(PublishFailure.NotConnected, failure.Failure);
        }
    }

    [Fact]
    public async Task Dropped_socket_reconnects_after_a_backoff_and_counts_the_reconnect()
    {
        var clock = new FakeClock();
        var (fake, adapter, socket) = await ConnectAsync(clock);
        await using (fake)
        await using (adapter)
        {
            socket.Abort();

            var reconnecting = await adapter.States.FirstAsync(s => s.State == AdapterState.Reconnecting);
            Assert.Equal(1, fake.CountOf("apps.connections.open"));
            var waited = await clock.AdvanceWhenWaitingAsync(d => d >= TimeSpan.FromSeconds(1) && d <= TimeSpan.FromSeconds(1.25));
            var second = await fake.Sockets.FirstAsync(s => s.Number == 2);
            await adapter.States.WaitAsync(s => s.State == AdapterState.Connected, count: 2);

            await second.SendAsync(Envelopes.Mention("env-1", "Ev1"));
            await second.AckAsync("env-1");
            Assert.Contains("closed", reconnecting.Reason, StringComparison.Ordinal);
            Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25));
            Assert.Contains(adapter.Metrics.Items, m => m is ("k8sbot.gateway.reconnects", "reconnect"));
        }
    }

    [Fact]
    public async Task Unknown_envelopes_and_garbage_frames_are_ignored_and_the_connection_keeps_working()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            await socket.SendAsync("this is not json");
            await socket.SendFixtureAsync("envelope-interactive-shortcut.json");
            await socket.SendAsync(Envelopes.SlashCommand("env-after", "help", fake.HookUrl("h")));

            var shortcut = Fixture.Json("envelope-interactive-shortcut.json")["envelope_id"]!.ToString();
            await socket.AckAsync(shortcut);
            await socket.AckAsync("env-after");
            var message = await adapter.Core.Messages.FirstAsync();
            Assert.Equal("help", message.Text);
            Assert.Single(adapter.Core.Messages.Items);
        }
    }

    [Fact]
    public async Task More_button_shows_the_rest_of_a_long_answer_to_the_presser()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            var sentence = "Pods are the smallest deployable units. ";
            var tail = "THE-END-OF-THE-ANSWER.";
            adapter.Core.Respond = _ => [Reply.Text(string.Concat(Enumerable.Repeat(sentence, 100)) + tail)];
            await socket.SendAsync(Envelopes.Mention("env-1", "Ev1", "<@U222> pods"));
            var post = await fake.CallsTo("chat.postMessage");
            var blocks = post[0].Json!["blocks"]!.AsArray();
            var more = blocks.Last()!["elements"]![0]!;
            Assert.Equal("slack.more", more["action_id"]!.ToString());
            Assert.DoesNotContain(tail, blocks.ToJsonString(), StringComparison.Ordinal);

            await socket.SendAsync(Envelopes.ButtonPress("env-2", fake.HookUrl("more"), actionId: "slack.more", value: more["value"]!.ToString()));

            var hook = await fake.Hooks.FirstAsync();
            Assert.Equal("ephemeral", hook.Body["response_type"]!.ToString());
            Assert.Contains(tail, hook.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Single(adapter.Core.Messages.Items); // the adapter answered the press itself
        }
    }

    [Fact]
    public async Task Three_players_pressing_answers_on_one_question_are_each_counted_once()
    {
        var (fake, adapter, socket) = await ConnectAsync();
        await using (fake)
        await using (adapter)
        {
            adapter.Core.Respond = _ => [Reply.Text("answer recorded").AsPrivate()];
            var players = new[] { "U0ALICE", "U0BOB", "U0CAROL" };
            var n = 0;
            foreach (var player in players)
            {
                foreach (var attempt in new[] { 1, 2 })
                {
                    // Each player's press is delivered twice (a retry after a slow ack): same action_ts, new envelope.
                    var frame = System.Text.Json.Nodes.JsonNode.Parse(Envelopes.ButtonPress($"env-{++n}", fake.HookUrl(player), actionId: "match.answer#1", value: "m1:q1:B", actionTs: $"1605853645.00000{n - attempt + 1}"))!;
                    frame["payload"]!["user"]!["id"] = player;
                    await socket.SendAsync(frame.ToJsonString());
                }
            }

            await socket.Received.WaitAsync(count: 6);
            await adapter.Core.Messages.WaitAsync(count: 3);
            await fake.Hooks.WaitAsync(count: 3);
            Assert.Equal(players, adapter.Core.Messages.Items.Select(m => m.User.Id).Order());
            Assert.All(adapter.Core.Messages.Items, m => Assert.Equal(new ButtonPress("match.answer", "m1:q1:B", "1605853634.000400"), m.Button));
            Assert.Equal(players, fake.Hooks.Items.Select(h => h.Id).Order());
        }
    }

    [Fact]
    public async Task Rejected_app_token_stops_the_adapter_instead_of_retrying()
    {
        var clock = new FakeClock();
        await using var fake = await FakeSlack.StartAsync(clock);
        fake.Script("apps.connections.open", new Scripted(200, """{"ok":false,"error":"invalid_auth"}"""));
        await using var adapter = await AdapterHarness.StartAsync(fake, clock);

        var stopped = await adapter.States.FirstAsync(s => s.State == AdapterState.Stopped);

        Assert.Contains("app token (invalid_auth)", stopped.Reason, StringComparison.Ordinal);
        Assert.Equal(1, fake.CountOf("apps.connections.open"));
        Assert.Empty(fake.Sockets.Items);
        Assert.DoesNotContain(adapter.States.Items, s => s.State == AdapterState.Reconnecting);
    }
}
