using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Rest;
using K8sBot.Discord.Tests.Fakes;
using K8sBot.Discord.Timing;

namespace K8sBot.Discord.Tests.Rest;

public sealed class RestClientTests
{
    private static readonly JsonObject Body = new() { ["content"] = "hi" };

    private static (AdapterHarness Harness, ConcurrentQueue<PacerWait> Waits) Create(FakeDiscord fake, bool advance = true)
    {
        var waits = new ConcurrentQueue<PacerWait>();
        var harness = AdapterHarness.Create(fake, new FakeCore(), advance: w =>
        {
            waits.Enqueue(w);
            return advance;
        });
        return (harness, waits);
    }

    [Fact]
    public async Task Bucket_429_waits_retry_after_from_the_body_then_retries()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, waits) = Create(fake);
        await using var _ = harness;
        fake.Script(FakeResponse.FromFixture("http-429-user.json"));

        var result = await harness.Get<DiscordRestClient>().SendAsync(HttpMethod.Post, "/channels/1/messages", Body, CancellationToken.None);

        Assert.NotNull(result?["id"]);
        var first = await fake.NextRequestAsync();
        var second = await fake.NextRequestAsync();
        Assert.Equal(first.Path, second.Path);
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(64.57));
        Assert.Contains(waits, w => w.Reason == "bucket" && w.Delay == TimeSpan.FromSeconds(64.57));
    }

    [Fact]
    public async Task Global_429_holds_every_route_until_retry_after()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, waits) = Create(fake, advance: false);
        await using var _ = harness;
        var globalWaits = new SemaphoreSlim(0);
        harness.Pacer.Waiting += w =>
        {
            if (w.Reason == "global")
            {
                globalWaits.Release();
            }
        };
        fake.Script(FakeResponse.FromFixture("http-429-global.json"));
        var rest = harness.Get<DiscordRestClient>();

        var limited = rest.SendAsync(HttpMethod.Post, "/channels/1/messages", Body, CancellationToken.None);
        Assert.True(await globalWaits.WaitAsync(TimeSpan.FromSeconds(10)));
        var other = rest.SendAsync(HttpMethod.Post, "/channels/2/messages", Body, CancellationToken.None);
        Assert.True(await globalWaits.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(other.IsCompleted);

        harness.Time.Advance(TimeSpan.FromSeconds(65));
        await Task.WhenAll(limited, other).WaitAsync(TimeSpan.FromSeconds(10));

        var requests = new List<RecordedRequest>();
        while (fake.Requests.Reader.TryRead(out var r))
        {
            requests.Add(r);
        }

        Assert.Equal(3, requests.Count);
        Assert.All(requests.Skip(1), r => Assert.True(r.At - requests[0].At >= TimeSpan.FromSeconds(64.57)));
        Assert.Contains(waits, w => w.Reason == "global" && w.Delay == TimeSpan.FromSeconds(64.57));
    }

    [Fact]
    public async Task Exhausted_bucket_waits_for_reset_but_other_channels_do_not()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, waits) = Create(fake);
        await using var _ = harness;
        var headers = new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "abcd1234", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "2.5" };
        fake.Script(new FakeResponse(200, "{\"id\":\"1\"}", headers));
        var rest = harness.Get<DiscordRestClient>();

        await rest.SendAsync(HttpMethod.Post, "/channels/1/messages", Body, CancellationToken.None);
        await rest.SendAsync(HttpMethod.Post, "/channels/2/messages", Body, CancellationToken.None);
        Assert.DoesNotContain(waits, w => w.Reason == "bucket");
        await rest.SendAsync(HttpMethod.Post, "/channels/1/messages", Body, CancellationToken.None);

        Assert.Contains(waits, w => w.Reason == "bucket" && w.Delay == TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_jittered_backoff()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, waits) = Create(fake);
        await using var _ = harness;
        fake.Script(new FakeResponse(503, "{\"message\":\"unavailable\",\"code\":0}"));
        fake.Script(new FakeResponse(502, "<html>bad gateway</html>"));

        var result = await harness.Get<DiscordRestClient>().SendAsync(HttpMethod.Post, "/channels/1/messages", Body, CancellationToken.None);

        Assert.NotNull(result);
        var retries = waits.Where(w => w.Reason == "retry").Select(w => w.Delay).ToList();
        Assert.Equal(2, retries.Count);
        Assert.InRange(retries[0], TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        Assert.InRange(retries[1], TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public async Task Server_errors_give_up_after_three_retries()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, _) = Create(fake);
        await using var __ = harness;
        fake.Responder = _ => new FakeResponse(500, "{\"message\":\"boom\"}");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Get<DiscordRestClient>().SendAsync(HttpMethod.Get, "/channels/1", null, CancellationToken.None));

        Assert.Equal(500, error.Status);
        Assert.Equal(4, fake.Requests.Reader.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_carry_discords_code()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, _) = Create(fake);
        await using var __ = harness;
        fake.Script(new FakeResponse(400, "{\"message\":\"Invalid Form Body\",\"code\":50035}"));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Get<DiscordRestClient>().SendAsync(HttpMethod.Post, "/channels/1/messages", Body, CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Equal(50035, error.Code);
        Assert.Equal(1, fake.Requests.Reader.Count);
    }

    [Fact]
    public async Task Unauthorized_stops_the_adapter_and_later_requests_never_leave()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, _) = Create(fake);
        await using var __ = harness;
        fake.Script(new FakeResponse(401, "{\"message\":\"401: Unauthorized\",\"code\":0}"));
        var rest = harness.Get<DiscordRestClient>();

        await Assert.ThrowsAsync<DiscordRestException>(() => rest.SendAsync(HttpMethod.Get, "/gateway/bot", null, CancellationToken.None));
        var again = await Assert.ThrowsAsync<DiscordRestException>(() => rest.SendAsync(HttpMethod.Post, "/channels/1/messages", Body, CancellationToken.None));

        Assert.Equal(401, again.Status);
        Assert.Equal(1, fake.Requests.Reader.Count);
        var status = harness.Board.All.Single();
        Assert.Equal(AdapterState.Stopped, status.State);
        Assert.Contains("401", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_run_with_a_bad_token_stops_instead_of_retrying()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, _) = Create(fake);
        await using var __ = harness;
        fake.Responder = _ => new FakeResponse(401, "{\"message\":\"401: Unauthorized\",\"code\":0}");

        await harness.RunGateway().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, fake.Requests.Reader.Count);
        Assert.Equal(AdapterState.Stopped, harness.Board.All.Single().State);
    }

    [Fact]
    public async Task More_than_fifty_requests_in_a_second_wait_for_the_next_second()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, waits) = Create(fake);
        await using var _ = harness;
        var rest = harness.Get<DiscordRestClient>();

        await Task.WhenAll(Enumerable.Range(1, 51).Select(i => rest.SendAsync(HttpMethod.Post, $"/channels/{i}/messages", Body, CancellationToken.None)));

        Assert.Single(waits, w => w.Reason == "global");
    }

    [Fact]
    public async Task Interaction_callbacks_are_exempt_from_the_global_limit()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (harness, waits) = Create(fake);
        await using var _ = harness;
        var rest = harness.Get<DiscordRestClient>();

        await Task.WhenAll(Enumerable.Range(1, 60).Select(i => rest.SendAsync(HttpMethod.Post, $"/interactions/{i}/token{i}/callback", new JsonObject { ["type"] = 6 }, CancellationToken.None)));

        Assert.DoesNotContain(waits, w => w.Reason == "global");
    }

    [Fact]
    public void Invalid_request_guard_trips_at_its_limit_and_resets_after_ten_minutes()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var guard = new InvalidRequestGuard(new Pacer(time), limit: 3);
        guard.Count();
        guard.Count();
        Assert.False(guard.IsTripped);
        guard.Count();
        Assert.True(guard.IsTripped);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(guard.IsTripped);
    }

    [Theory]
    [InlineData("POST", "/channels/123/messages", "POST /channels/{id}/messages", "123")]
    [InlineData("PATCH", "/channels/123/messages/456", "PATCH /channels/{id}/messages/{id}", "123")]
    [InlineData("PATCH", "/webhooks/11/tok-en/messages/@original", "PATCH /webhooks/{id}/{token}/messages/@original", "11/tok-en")]
    [InlineData("POST", "/interactions/99/abc/callback", "POST /interactions/{id}/{token}/callback", "99/abc")]
    [InlineData("PUT", "/applications/5/guilds/6/commands", "PUT /applications/{id}/guilds/{id}/commands", "6")]
    [InlineData("GET", "/gateway/bot", "GET /gateway/bot", "")]
    public void Routes_key_by_template_and_major_parameter(string method, string path, string key, string major)
    {
        var route = RestRoute.Parse(new HttpMethod(method), path);

        Assert.Equal(key, route.Key);
        Assert.Equal(major, route.Major);
    }
}
