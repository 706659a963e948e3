using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Tests.Fakes;

namespace K8sBot.Discord.Tests.Gateway;

public sealed class GatewayTests
{
    private static bool Reconnects(Discord.Timing.PacerWait wait) => wait.Reason is "reconnect" or "identify";

    [Fact]
    public async Task Connects_identifies_with_only_the_guilds_intent_and_registers_k8s_in_the_dev_guild()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore());
        var connected = harness.WaitForStateAsync(AdapterState.Connected);
        harness.Start();

        var discovery = await fake.NextRequestAsync(_ => false);
        Assert.Equal("/gateway/bot", discovery.Path);
        Assert.Equal("Bot test-token", discovery.Authorization);
        var connection = await fake.NextConnectionAsync();
        Assert.Equal("/gateway/?v=10&encoding=json", connection.Path);
        var identify = await connection.NextFrameAsync();
        Assert.Equal(2, identify["op"]!.GetValue<int>());
        var d = identify["d"]!.AsObject();
        Assert.Equal("test-token", d["token"]!.GetValue<string>());
        Assert.Equal(1, d["intents"]!.GetValue<int>());
        Assert.Equal("[0,1]", d["shard"]!.ToJsonString());
        Assert.False(d.ContainsKey("compress"));

        await connection.SendReadyAsync(fake.ResumeUrl);
        await connected;
        var register = await fake.NextRequestAsync();
        Assert.Equal("PUT", register.Method);
        Assert.Equal("/applications/845027738276462632/guilds/290926798626357999/commands", register.Path);
        var command = register.Body!.AsArray().Single()!.AsObject();
        Assert.Equal("k8s", command["name"]!.GetValue<string>());
        var names = command["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["ask", "card", "concepts", "quiz", "review", "match", "team", "score", "leaderboard", "daily", "lang", "help"], names);
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_sequence_after_the_interval()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore());
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        harness.Time.Advance(TimeSpan.FromMilliseconds(45_000));
        var first = await connection.NextHeartbeatAsync();
        Assert.Equal(1, first["d"]!.GetValue<long>());

        // Frames are handled in order, so a heartbeat request after a dispatch shows the new sequence.
        await connection.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "290926798626357999" }, 7);
        await connection.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
        var second = await connection.NextHeartbeatAsync();
        Assert.Equal(7, second["d"]!.GetValue<long>());
    }

    [Fact]
    public async Task Heartbeat_request_from_discord_is_answered_at_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore());
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

        var beat = await connection.NextHeartbeatAsync();
        Assert.Equal(1, beat["d"]!.GetValue<long>());
    }

    [Fact]
    public async Task Reconnect_op7_closes_resumably_and_resumes_on_the_resume_url()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore(), advance: Reconnects);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.SendAsync(Payload.Load("gateway-reconnect.json"));

        Assert.Equal(4000, await connection.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var next = await fake.NextConnectionAsync();
        Assert.Equal("/resume/?v=10&encoding=json", next.Path);
        var resume = await next.NextFrameAsync();
        Assert.Equal(6, resume["op"]!.GetValue<int>());
        Assert.Equal("evenmorerandomstring", resume["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(1, resume["d"]!["seq"]!.GetValue<long>());
        Assert.Equal("test-token", resume["d"]!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_session_op9_false_identifies_afresh_on_the_discovered_url()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var waits = new List<string>();
        await using var harness = AdapterHarness.Create(fake, new FakeCore(), advance: w =>
        {
            lock (waits)
            {
                waits.Add(w.Reason);
            }

            return Reconnects(w);
        });
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.SendAsync(Payload.Load("gateway-invalid-session.json"));

        Assert.NotEqual(1000, await connection.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var next = await fake.NextConnectionAsync();
        Assert.StartsWith("/gateway", next.Path, StringComparison.Ordinal);
        var identify = await next.NextFrameAsync();
        Assert.Equal(2, identify["op"]!.GetValue<int>());
        lock (waits)
        {
            // The random 1-5 s pause, then the 5 s identify spacing.
            Assert.Contains("reconnect", waits);
            Assert.Contains("identify", waits);
        }
    }

    [Fact]
    public async Task Zombie_connection_without_ack_is_closed_with_a_resumable_code_and_resumed()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore(), advance: Reconnects);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);
        connection.AutoAck = false;

        harness.Time.Advance(TimeSpan.FromMilliseconds(45_000));
        await connection.NextHeartbeatAsync();
        harness.Time.Advance(TimeSpan.FromMilliseconds(45_000));

        Assert.Equal(4000, await connection.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var next = await fake.NextConnectionAsync();
        Assert.StartsWith("/resume", next.Path, StringComparison.Ordinal);
        Assert.Equal(6, (await next.NextFrameAsync())["op"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    [InlineData(1001)]
    public async Task Resumable_close_codes_resume_the_session(int code)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore(), advance: Reconnects);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.CloseAsync(code);

        var next = await fake.NextConnectionAsync();
        Assert.StartsWith("/resume", next.Path, StringComparison.Ordinal);
        Assert.Equal(6, (await next.NextFrameAsync())["op"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Session_ending_close_codes_identify_afresh(int code)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore(), advance: Reconnects);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);

        await connection.CloseAsync(code);

        var next = await fake.NextConnectionAsync();
        Assert.StartsWith("/gateway", next.Path, StringComparison.Ordinal);
        Assert.Equal(2, (await next.NextFrameAsync())["op"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4014)]
    public async Task Fatal_close_codes_stop_the_adapter_without_reconnecting(int code)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var harness = AdapterHarness.Create(fake, new FakeCore(), advance: Reconnects);
        var connection = await AdapterHarness.ConnectReadyAsync(fake, harness);
        var stopped = harness.WaitForStateAsync(AdapterState.Stopped);

        await connection.CloseAsync(code);

        await stopped;
        await harness.RunGatewayTask!.WaitAsync(TimeSpan.FromSeconds(10));
        var status = harness.Board.All.Single(s => s.Adapter == "discord");
        Assert.Equal(AdapterState.Stopped, status.State);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), status.Reason, StringComparison.Ordinal);
        Assert.False(fake.Connections.Reader.TryRead(out _));
    }
}
