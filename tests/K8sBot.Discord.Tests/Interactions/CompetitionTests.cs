using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Tests.Fakes;

namespace K8sBot.Discord.Tests.Interactions;

public sealed class CompetitionTests
{
    [Fact]
    public async Task Three_players_pressing_answer_buttons_at_once_each_get_exactly_one_private_answer()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var core = new FakeCore
        {
            Answer = m => Task.FromResult<IReadOnlyList<Reply>>([Reply.Text($"{m.User.DisplayName}: recorded {m.Button!.Value}").AsPrivate()]),
        };
        await using var harness = AdapterHarness.Create(fake, core);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);
        string[] players = ["111000000000000001", "111000000000000002", "111000000000000003"];

        var sequence = 2;
        foreach (var player in players)
        {
            var press = Fakes.Interactions.Button($"match.answer|m1:q1:{player[^1]}");
            press["id"] = "9" + player;
            press["token"] = "token-" + player;
            press["member"]!["user"]!["id"] = player;
            press["member"]!["user"]!["username"] = "player" + player[^1];
            await connection.DispatchAsync("INTERACTION_CREATE", press, sequence++);
        }

        var received = new List<IncomingMessage> { await core.NextAsync(), await core.NextAsync(), await core.NextAsync() };
        Assert.Equal(players.Order(StringComparer.Ordinal), received.Select(m => m.User.Id).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.Equal("844397162624450620", m.Button!.MessageId));
        var callbacks = new List<RecordedRequest>();
        for (var i = 0; i < 3; i++)
        {
            callbacks.Add(await fake.NextRequestAsync(r => r.Method == "PUT" || r.Path == "/gateway/bot"));
        }

        Assert.Equal(players.Select(p => $"/interactions/9{p}/token-{p}/callback").Order(StringComparer.Ordinal), callbacks.Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.All(callbacks, c => Assert.Equal(64, c.Json["data"]!["flags"]!.GetValue<int>()));
        Assert.Contains(callbacks, c => c.Json["data"]!["embeds"]![0]!["description"]!.GetValue<string>() == "player2: recorded m1:q1:2");
    }

    [Fact]
    public async Task Daily_post_goes_only_through_the_shard_that_owns_the_guild()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var owner = AdapterHarness.Create(fake, new FakeCore(), new() { ["Discord:ShardId"] = "1", ["Discord:ShardCount"] = "2" });
        await using var other = AdapterHarness.Create(fake, new FakeCore(), new() { ["Discord:ShardId"] = "0", ["Discord:ShardCount"] = "2" });
        var guild = "290926798626357999";
        var where = new ConversationAddress(Platform.Discord, guild, "645027906669510667");
        var card = new Reply { Blocks = [new TitleBlock("DaemonSet"), new MarkdownBlock("Runs one pod on every node.")], Fallback = "DaemonSet", Accent = "workloads" };

        foreach (var harness in new[] { owner, other })
        {
            var ownership = harness.Get<TenantOwnership>();
            if (ownership.Owns(where.Tenant))
            {
                await harness.Get<IPlatformPublisher>().PostAsync(where, card, "daily:2026-11-27", CancellationToken.None);
            }
        }

        var post = await fake.NextRequestAsync();
        Assert.Equal("daily:2026-11-27", post.Json["nonce"]!.GetValue<string>());
        Assert.Equal(0x326CE5, post.Json["embeds"]![0]!["color"]!.GetValue<int>());
        Assert.Equal(0, fake.Requests.Reader.Count);
    }
}
