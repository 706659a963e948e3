using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Http;
using K8sBot.Slack.Tests.Fake;
using Microsoft.Extensions.Options;

namespace K8sBot.Slack.Tests;

public sealed class HttpModeTests
{
    private static readonly JsonObject Vector = Fixture.Json("signing-test-vector.json");
    private static readonly DateTimeOffset VectorNow = DateTimeOffset.FromUnixTimeSeconds(Vector["now_for_valid_check"]!.GetValue<long>());

    private static SlackSignatureVerifier Verifier(TimeProvider clock) =>
        new(Options.Create(new SlackOptions { SigningSecret = Vector["signing_secret"]!.ToString() }), clock);

    [Fact]
    public void Shared_test_vector_signature_is_valid()
    {
        var body = Encoding.UTF8.GetBytes(Fixture.Text("slash-command.form.txt"));

        var check = Verifier(new FakeClock(VectorNow)).Verify(Vector["x_slack_request_timestamp"]!.ToString(), Vector["x_slack_signature"]!.ToString(), body);

        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Theory]
    [InlineData(0, "x", "Mismatch")]
    [InlineData(301, null, "Stale")]
    [InlineData(-301, null, "Stale")]
    [InlineData(299, null, "Valid")]
    public void Tampered_bodies_and_stale_timestamps_are_rejected(int clockSkewSeconds, string? tamper, string expected)
    {
        var body = Fixture.Text("slash-command.form.txt") + tamper;

        var check = Verifier(new FakeClock(VectorNow.AddSeconds(clockSkewSeconds))).Verify(Vector["x_slack_request_timestamp"]!.ToString(), Vector["x_slack_signature"]!.ToString(), Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, check.ToString());
    }

    [Fact]
    public void Missing_headers_are_rejected() =>
        Assert.Equal(SignatureCheck.Missing, Verifier(new FakeClock(VectorNow)).Verify(null, "v0=00", [1, 2]));

    private static async Task<HttpResponseMessage> PostSignedAsync(AdapterHarness adapter, string path, string body, string contentType, string? signature = null, int retry = 0, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? adapter.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(adapter.BaseUrl, path))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature ?? adapter.Get<SlackSignatureVerifier>().Sign(timestamp, Encoding.UTF8.GetBytes(body)));
        if (retry > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        using var http = new HttpClient();
        return await http.SendAsync(request);
    }

    private static async Task<(FakeSlack Fake, AdapterHarness Adapter)> StartAsync()
    {
        var clock = new FakeClock(VectorNow);
        var fake = await FakeSlack.StartAsync(clock);
        var adapter = await AdapterHarness.StartAsync(fake, clock, socketMode: false, http: true);
        await adapter.States.FirstAsync(s => s.State == AdapterState.Connected);
        return (fake, adapter);
    }

    [Fact]
    public async Task Signed_slash_command_is_acked_at_once_and_answered_through_response_url()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            var body = Fixture.Text("slash-command.form.txt")
                .Replace("command=%2Fwebhook-collect&text=", "command=%2Fk8s&text=ask+what+is+a+pod%3F", StringComparison.Ordinal)
                .Replace("https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN", Uri.EscapeDataString(fake.HookUrl("cmd").ToString()), StringComparison.Ordinal);
            adapter.Core.Gate = new TaskCompletionSource();

            using var response = await PostSignedAsync(adapter, "slack/commands", body, "application/x-www-form-urlencoded");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
            adapter.Core.Gate.SetResult();

            var message = await adapter.Core.Messages.FirstAsync();
            var hook = await fake.Hooks.FirstAsync();
            Assert.Equal("ask what is a pod?", message.Text);
            Assert.Equal(new ConversationAddress(Platform.Slack, "T1DC2JH3J", "G8PSS9T3V"), message.Where);
            Assert.Equal("cmd", hook.Id);
        }
    }

    [Fact]
    public async Task Tampered_or_stale_requests_get_401_and_never_reach_the_core()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            var body = Fixture.Text("slash-command.form.txt");
            var tampered = await PostSignedAsync(adapter, "slack/commands", body, "application/x-www-form-urlencoded", signature: Vector["x_slack_signature"]!.ToString().Replace('a', 'b'));
            var stale = await PostSignedAsync(adapter, "slack/commands", body, "application/x-www-form-urlencoded", at: adapter.Clock.GetUtcNow().AddMinutes(-6));

            Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
            Assert.Empty(adapter.Core.Messages.Items);
            Assert.Contains(adapter.Logs.Lines.Items, l => l.Contains("signature Stale", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            using var response = await PostSignedAsync(adapter, "slack/events", Fixture.Text("url-verification.json"), "application/json");

            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(Fixture.Json("url-verification-response.json")["challenge"]!.ToString(), json["challenge"]!.ToString());
        }
    }

    [Fact]
    public async Task Event_retry_of_a_handled_event_is_acked_and_dropped()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            var body = Fixture.Text("event-app-mention.json");
            var first = await PostSignedAsync(adapter, "slack/events", body, "application/json");
            await adapter.Core.Messages.FirstAsync();
            var retry = await PostSignedAsync(adapter, "slack/events", body, "application/json", retry: 1);
            await PostSignedAsync(adapter, "slack/events", Envelopes.DirectMessage("Ev-last", "sentinel").ToJsonString(), "application/json");
            await adapter.Core.Messages.WaitAsync(m => m.Text == "sentinel");

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(2, adapter.Core.Messages.Items.Count);
        }
    }

    [Fact]
    public async Task Button_press_over_http_is_parsed_from_the_form_payload()
    {
        var (fake, adapter) = await StartAsync();
        await using (fake)
        await using (adapter)
        {
            using var response = await PostSignedAsync(adapter, "slack/interactivity", Fixture.Text("block-actions.form.txt"), "application/x-www-form-urlencoded");

            var message = await adapter.Core.Messages.FirstAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new ButtonPress("WaXA", "click_me_123", "1548261231.000200"), message.Button);
            Assert.Equal(new ConversationAddress(Platform.Slack, "T9TK3CUKW", "CBR2V3XEX"), message.Where);
        }
    }
}
