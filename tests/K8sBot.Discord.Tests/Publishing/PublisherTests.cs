using K8sBot.Core.Messaging;
using K8sBot.Discord.Configuration;
using K8sBot.Discord.Publishing;
using K8sBot.Discord.Tests.Fakes;

namespace K8sBot.Discord.Tests.Publishing;

public sealed class PublisherTests
{
    private static readonly ConversationAddress Channel = new(Platform.Discord, "290926798626357999", "645027906669510667");

    [Fact]
    public async Task Post_sends_the_idempotency_key_as_an_enforced_nonce_and_returns_the_message_id()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore());
        var publisher = harness.Get<IPlatformPublisher>();

        var posted = await publisher.PostAsync(Channel, Reply.Text("daily card"), "daily:2026-11-27:guild-645", CancellationToken.None);

        var request = await fake.NextRequestAsync();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/channels/645027906669510667/messages", request.Path);
        Assert.Equal("daily:2026-11-27:guild-64", request.Json["nonce"]!.GetValue<string>());
        Assert.True(request.Json["enforce_nonce"]!.GetValue<bool>());
        Assert.Equal("{\"parse\":[]}", request.Json["allowed_mentions"]!.ToJsonString());
        Assert.Equal(Platform.Discord, publisher.Platform);
        Assert.Equal(new PostedMessage(Channel, "1001"), posted);
    }

    [Fact]
    public async Task Update_edits_the_message_and_threads_open_from_it()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore());
        var publisher = harness.Get<IPlatformPublisher>();
        var message = new PostedMessage(Channel, "555");

        await publisher.UpdateAsync(message, Reply.Text("closed"), CancellationToken.None);
        var thread = await publisher.OpenThreadAsync(message, "Quiz match", CancellationToken.None);
        await publisher.PostAsync(thread, Reply.Text("round 1"), null, CancellationToken.None);

        var edit = await fake.NextRequestAsync();
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal("/channels/645027906669510667/messages/555", edit.Path);
        var open = await fake.NextRequestAsync();
        Assert.Equal("/channels/645027906669510667/messages/555/threads", open.Path);
        Assert.Equal("Quiz match", open.Json["name"]!.GetValue<string>());
        Assert.Equal(Channel with { ThreadId = "777000000000000001" }, thread);
        var inThread = await fake.NextRequestAsync();
        Assert.Equal("/channels/777000000000000001/messages", inThread.Path);
        Assert.Null(inThread.Json["nonce"]);
    }

    [Theory]
    [InlineData(403, PublishFailure.Forbidden)]
    [InlineData(404, PublishFailure.ChannelGone)]
    [InlineData(400, PublishFailure.Rejected)]
    [InlineData(500, PublishFailure.Transient)]
    public async Task Failures_map_to_publish_failures(int status, PublishFailure failure)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore(), advance: w => w.Reason == "retry");
        fake.Responder = _ => new FakeResponse(status, "{\"message\":\"no\",\"code\":50013}");

        var error = await Assert.ThrowsAsync<PublishException>(() => harness.Get<IPlatformPublisher>().PostAsync(Channel, Reply.Text("x"), "k", CancellationToken.None));

        Assert.Equal(failure, error.Failure);
    }

    [Theory]
    [InlineData("81384788765712384", 0, 1, true)]
    [InlineData("81384788765712384", 1, 2, false)]
    [InlineData("290926798626357999", 1, 2, true)]
    [InlineData("@me", 0, 2, true)]
    [InlineData("@me", 1, 2, false)]
    public void A_guild_belongs_to_the_shard_discord_routes_it_to(string guild, int shard, int count, bool owned)
    {
        // 81384788765712384 >> 22 = 19403645698 (even); 290926798626357999 >> 22 = 69362353951 (odd).
        var filter = new DiscordTenantFilter(new ShardInfo(shard, count));

        Assert.Equal(owned, filter.Owns(guild));
        Assert.Equal(Platform.Discord, filter.Platform);
    }

    [Theory]
    [InlineData("3", null, null, 3)]
    [InlineData("auto", "2", "k8sbot-7", 2)]
    [InlineData("auto", null, "k8sbot-2", 2)]
    [InlineData("AUTO", null, "k8sbot", null)]
    [InlineData("auto", null, null, null)]
    public void Shard_id_auto_takes_the_statefulset_ordinal(string value, string? podIndex, string? hostname, int? expected)
    {
        var env = new Dictionary<string, string?> { ["POD_INDEX"] = podIndex, ["HOSTNAME"] = hostname };

        Assert.Equal(expected, ShardResolver.Resolve(value, name => env.GetValueOrDefault(name)));
    }
}
