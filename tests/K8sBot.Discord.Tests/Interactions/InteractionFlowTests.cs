using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Tests.Fakes;

namespace K8sBot.Discord.Tests.Interactions;

public sealed class InteractionFlowTests
{
    private const string SlashCallback = "/interactions/786008729715212338/A_UNIQUE_TOKEN/callback";
    private const string ButtonCallback = "/interactions/846462639134605312/unique_interaction_token/callback";

    [Fact]
    public async Task Slash_command_options_reach_the_core_as_a_command_line_and_the_answer_is_a_type_4_embed()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var core = new FakeCore { Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Text("Started **match**")]) };
        await using var harness = AdapterHarness.Create(fake, core);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        var options = new JsonArray(Fakes.Interactions.Option("count", 3, 4), Fakes.Interactions.Option("seconds", 5, 4), Fakes.Interactions.Option("teams", true, 5));
        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Slash("start", options, group: "match"), 2);

        var message = await core.NextAsync();
        Assert.Equal("match start 3 5 teams", message.Text);
        Assert.Equal(new ConversationAddress(Platform.Discord, "290926798626357999", "645027906669510667"), message.Where);
        Assert.Equal("53908232506183680", message.User.Id);
        Assert.Equal("en-US", message.User.Locale);
        Assert.True(message.User.IsAdmin);
        var callback = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        Assert.Equal(SlashCallback, callback.Path);
        Assert.Equal(4, callback.Json["type"]!.GetValue<int>());
        Assert.Equal("Started **match**", callback.Json["data"]!["embeds"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("{\"parse\":[]}", callback.Json["data"]!["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task Member_without_manage_guild_is_not_an_admin()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var core = new FakeCore();
        await using var harness = AdapterHarness.Create(fake, core);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);
        var interaction = Fakes.Interactions.Slash("now", group: "daily");
        interaction["member"]!["permissions"] = "3072"; // VIEW_CHANNEL | SEND_MESSAGES

        await connection.DispatchAsync("INTERACTION_CREATE", interaction, 2);

        var message = await core.NextAsync();
        Assert.Equal("daily now", message.Text);
        Assert.False(message.User.IsAdmin);
    }

    [Fact]
    public async Task Button_press_reaches_the_core_and_a_replacing_reply_updates_the_message_with_type_7()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var core = new FakeCore
        {
            Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Text("✅ correct") with { ReplacesOriginal = true, Kind = ReplyKind.Success }]),
        };
        await using var harness = AdapterHarness.Create(fake, core);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Button("quiz.answer|q12:2"), 3);

        var message = await core.NextAsync();
        Assert.Equal(new ButtonPress("quiz.answer", "q12:2", "844397162624450620"), message.Button);
        var callback = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        Assert.Equal(ButtonCallback, callback.Path);
        Assert.Equal(7, callback.Json["type"]!.GetValue<int>());
        Assert.Equal(0x57F287, callback.Json["data"]!["embeds"]![0]!["color"]!.GetValue<int>());
    }

    [Fact]
    public async Task Private_reply_to_a_button_is_an_ephemeral_message()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var core = new FakeCore { Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Text("only you").AsPrivate()]) };
        await using var harness = AdapterHarness.Create(fake, core);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Button("card.more|pod"), 3);

        var callback = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        Assert.Equal(4, callback.Json["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Json["data"]!["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task Slow_command_is_deferred_then_the_original_is_edited_exactly_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var release = new TaskCompletionSource<IReadOnlyList<Reply>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var core = new FakeCore { Answer = _ => release.Task };
        await using var harness = AdapterHarness.Create(fake, core, advance: w => w.Reason == "defer");
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Slash("ask", [Fakes.Interactions.Option("question", "what is a pod?")]), 2);

        var defer = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        Assert.Equal(SlashCallback, defer.Path);
        Assert.Equal(5, defer.Json["type"]!.GetValue<int>());
        release.SetResult([Reply.Text("A pod is…"), Reply.Text("second")]);
        var edit = await fake.NextRequestAsync(r => r.Method == "PUT");
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal("/webhooks/845027738276462632/A_UNIQUE_TOKEN/messages/@original", edit.Path);
        Assert.Equal("{\"parse\":[]}", edit.Json["allowed_mentions"]!.ToJsonString());
        var followUp = await fake.NextRequestAsync(r => r.Method == "PUT");
        Assert.Equal("POST", followUp.Method);
        Assert.Equal("/webhooks/845027738276462632/A_UNIQUE_TOKEN", followUp.Path);
    }

    [Fact]
    public async Task Slow_private_answer_replaces_the_public_placeholder_with_an_ephemeral_follow_up()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var release = new TaskCompletionSource<IReadOnlyList<Reply>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var core = new FakeCore { Answer = _ => release.Task };
        await using var harness = AdapterHarness.Create(fake, core, advance: w => w.Reason == "defer");
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Slash("review"), 2);
        Assert.Equal(5, (await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot")).Json["type"]!.GetValue<int>());
        release.SetResult([Reply.Text("your review").AsPrivate()]);

        var delete = await fake.NextRequestAsync(r => r.Method == "PUT");
        Assert.Equal("DELETE", delete.Method);
        var followUp = await fake.NextRequestAsync(r => r.Method == "PUT");
        Assert.Equal(64, followUp.Json["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task Slow_button_is_deferred_with_type_6_then_the_message_is_edited()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var release = new TaskCompletionSource<IReadOnlyList<Reply>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var core = new FakeCore { Answer = _ => release.Task };
        await using var harness = AdapterHarness.Create(fake, core, advance: w => w.Reason == "defer");
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Button("quiz.answer|q1:0"), 3);
        Assert.Equal(6, (await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot")).Json["type"]!.GetValue<int>());
        release.SetResult([Reply.Text("closed") with { ReplacesOriginal = true }]);

        var edit = await fake.NextRequestAsync(r => r.Method == "PUT");
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal("/webhooks/290926444748734465/unique_interaction_token/messages/@original", edit.Path);
    }

    [Theory]
    [InlineData("데몬", "ko", "데몬셋 (DaemonSet)")]
    [InlineData("daemon", "en-US", "DaemonSet")]
    public async Task Concept_autocomplete_offers_names_in_the_users_language(string typed, string locale, string expected)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore());
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Autocomplete(typed, locale), 2);

        var callback = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        Assert.Equal("/interactions/816437322781949999/AUTOCOMPLETE_TOKEN/callback", callback.Path);
        Assert.Equal(8, callback.Json["type"]!.GetValue<int>());
        var choice = callback.Json["data"]!["choices"]!.AsArray().Single()!;
        Assert.Equal(expected, choice["name"]!.GetValue<string>());
        Assert.Equal("daemonset", choice["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("데몬셋이 뭐야?", "en-US", "데몬셋 (DaemonSet)")]
    [InlineData("what is a daemonset?", "ko", "DaemonSet")]
    public async Task Ask_through_the_real_core_answers_in_the_language_of_the_question(string question, string locale, string title)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, core: null);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Slash("ask", [Fakes.Interactions.Option("question", question)], locale: locale), 2);

        var callback = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        Assert.Equal(4, callback.Json["type"]!.GetValue<int>());
        var embed = callback.Json["data"]!["embeds"]![0]!;
        Assert.Equal(title, embed["title"]!.GetValue<string>());
        Assert.Equal(0x326CE5, embed["color"]!.GetValue<int>());
        var buttons = callback.Json["data"]!["components"]![0]!["components"]!.AsArray();
        Assert.Contains(buttons, b => b!["custom_id"]!.GetValue<string>() == "card.more|daemonset");
    }

    [Fact]
    public async Task More_button_of_a_cut_message_shows_the_rest_privately()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var longText = string.Concat(Enumerable.Range(1, 300).Select(i => $"Sentence number {i} explains a detail. "));
        var core = new FakeCore { Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Text(longText)]) };
        await using var harness = AdapterHarness.Create(fake, core);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Slash("help"), 2);
        var first = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        var more = first.Json["data"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        Assert.StartsWith("discord.more|", more, StringComparison.Ordinal);
        Assert.EndsWith("detail.", first.Json["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Button(more), 3);

        var rest = await fake.NextRequestAsync(r => r.Method == "PUT");
        Assert.Equal(64, rest.Json["data"]!["flags"]!.GetValue<int>());
        Assert.StartsWith("Sentence number", rest.Json["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, core.Received.Reader.Count);
    }

    [Fact]
    public async Task Mention_in_a_channel_is_an_ask_and_the_answer_replies_without_pinging()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var core = new FakeCore { Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Text("hi @everyone")]) };
        await using var harness = AdapterHarness.Create(fake, core, new() { ["Discord:ReadMessages"] = "true" });
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);
        var identify = harness.Get<Discord.Gateway.DiscordGateway>().IdentifyPayload();
        Assert.Equal(1 | 512 | 4096 | 32768, identify["d"]!["intents"]!.GetValue<int>());
        var message = Payload.Load("gateway-dispatch-message-create.json")["d"]!.DeepClone().AsObject();
        message["content"] = "<@845027738276462632> what is a pod?";
        message["mentions"] = new JsonArray(new JsonObject { ["id"] = "845027738276462632", ["username"] = "bot" });
        message["author"]!["bot"] = false;

        await connection.DispatchAsync("MESSAGE_CREATE", message, 2);

        var incoming = await core.NextAsync();
        Assert.Equal("what is a pod?", incoming.Text);
        var post = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        Assert.Equal($"/channels/{message["channel_id"]}/messages", post.Path);
        Assert.Equal("{\"parse\":[]}", post.Json["allowed_mentions"]!.ToJsonString());
        Assert.Equal(message["id"]!.GetValue<string>(), post.Json["message_reference"]!["message_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_core_that_crashes_still_gets_the_user_a_private_apology()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var core = new FakeCore { Answer = _ => throw new InvalidOperationException("bug") };
        await using var harness = AdapterHarness.Create(fake, core);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.DispatchAsync("INTERACTION_CREATE", Fakes.Interactions.Slash("help", locale: "ko"), 2);

        var callback = await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot");
        Assert.Equal(4, callback.Json["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Json["data"]!["flags"]!.GetValue<int>());
        Assert.StartsWith("앗", callback.Json["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
