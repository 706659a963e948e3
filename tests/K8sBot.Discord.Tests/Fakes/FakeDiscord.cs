using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8sBot.Discord.Tests.Fakes;

/// <summary>
/// Discord on loopback: REST under <c>/api/v10</c> (every request recorded, answers scripted per
/// test) and the gateway websocket at <c>/gateway</c> and <c>/resume</c>.
/// </summary>
internal sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<RecordedRequest, FakeResponse?>> _scripted = new();
    private int _messageIds = 1000;
    private readonly ConcurrentDictionary<string, List<JsonObject>> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (JsonObject Message, DateTimeOffset At)> _nonces = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>
    /// How long a nonce is remembered with enforce_nonce ("a few minutes" in the docs; shorter here
    /// than any restart a test simulates, which is exactly the gap the history check closes).
    /// </summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    /// <summary>The bot's user id on remembered messages.</summary>
    public const string BotUserId = "900000000000000001";

    private FakeDiscord(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ApiBase => BaseUrl + "/api/v10";

    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    public string ResumeUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public Channel<RecordedRequest> Requests { get; } = Channel.CreateUnbounded<RecordedRequest>();

    public Channel<FakeGatewayConnection> Connections { get; } = Channel.CreateUnbounded<FakeGatewayConnection>();

    /// <summary>Answers every request the scripted ones leave alone (null: the default answer).</summary>
    public Func<RecordedRequest, FakeResponse?>? Responder { get; set; }

    /// <summary>False for load runs: requests are answered but not parsed or kept.</summary>
    public bool Record { get; set; } = true;

    /// <summary>
    /// True: created messages are kept per channel (snowflake ids from <see cref="Clock"/>,
    /// enforce_nonce honoured for <see cref="NonceWindow"/>) and GET /channels/{id}/messages serves them.
    /// </summary>
    public bool Remember { get; set; }

    /// <summary>Messages remembered in a channel, oldest first.</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channelId)
    {
        var list = _channels.GetOrAdd(channelId, _ => []);
        lock (list)
        {
            return [.. list];
        }
    }

    /// <summary>The clock requests are stamped with.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.AcceptAsync);
        app.Map("/resume", fake.AcceptAsync);
        app.Map("/api/v10/{**path}", fake.RestAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>The next request that does not match <paramref name="skip"/> (gateway discovery by default).</summary>
    public async Task<RecordedRequest> NextRequestAsync(Func<RecordedRequest, bool>? skip = null)
    {
        skip ??= r => r.Path == "/gateway/bot";
        while (true)
        {
            var request = await Requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (!skip(request))
            {
                return request;
            }
        }
    }

    public Task<FakeGatewayConnection> NextConnectionAsync() => Connections.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Answers the next matching request once with <paramref name="respond"/>'s result.</summary>
    public void Script(Func<RecordedRequest, FakeResponse?> respond) => _scripted.Enqueue(respond);

    public void Script(FakeResponse response) => Script(_ => response);

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(socket, context.Request.Path + context.Request.QueryString);
        var run = connection.RunAsync();
        await connection.SendAsync(Payload.Load("gateway-hello.json"));
        Connections.Writer.TryWrite(connection);
        await run;
    }

    private async Task RestAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var path = "/" + (string?)context.Request.RouteValues["path"];
        var request = new RecordedRequest(
            context.Request.Method,
            path,
            body.Length == 0 || !Record ? null : JsonNode.Parse(body),
            context.Request.Headers.Authorization.ToString(),
            Clock.GetUtcNow(),
            context.Request.QueryString.Value ?? string.Empty);
        if (Record)
        {
            Requests.Writer.TryWrite(request);
        }

        FakeResponse? response = null;
        if (_scripted.TryDequeue(out var scripted))
        {
            response = scripted(request);
        }

        response ??= Responder?.Invoke(request) ?? Default(request);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    private FakeResponse Default(RecordedRequest request)
    {
        if (request.Path == "/gateway/bot")
        {
            var body = Payload.Load("rest-get-gateway-bot-response.json");
            body["url"] = GatewayUrl;
            return FakeResponse.Json(body.ToJsonString());
        }

        if (request.Path.EndsWith("/callback", StringComparison.Ordinal) || request.Method == "DELETE")
        {
            return new FakeResponse(204);
        }

        if (request.Path.EndsWith("/threads", StringComparison.Ordinal))
        {
            return FakeResponse.Json("{\"id\":\"777000000000000001\",\"type\":11}");
        }

        if (request.Method == "PUT")
        {
            return FakeResponse.Json(request.Body?.ToJsonString() ?? "[]");
        }

        if (Remember && RememberedAnswer(request) is { } remembered)
        {
            return remembered;
        }

        var id = Interlocked.Increment(ref _messageIds);
        return FakeResponse.Json($"{{\"id\":\"{id}\",\"channel_id\":\"1\"}}");
    }

    private FakeResponse? RememberedAnswer(RecordedRequest request)
    {
        var parts = request.Path.Trim('/').Split('/');
        if (parts is not ["channels", var channel, "messages"])
        {
            return null;
        }

        var list = _channels.GetOrAdd(channel, _ => []);
        if (request.Method == "GET")
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Query);
            var after = ulong.Parse(query.TryGetValue("after", out var a) ? a.ToString() : "0", System.Globalization.CultureInfo.InvariantCulture);
            var limit = int.Parse(query.TryGetValue("limit", out var l) ? l.ToString() : "50", System.Globalization.CultureInfo.InvariantCulture);
            lock (list)
            {
                // Discord answers newest first.
                var page = list.Where(m => ulong.Parse(m["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > after).Take(limit).Reverse();
                return FakeResponse.Json(new JsonArray([.. page.Select(m => m.DeepClone())]).ToJsonString());
            }
        }

        if (request.Method != "POST" || request.Body is not JsonObject body)
        {
            return null;
        }

        var now = Clock.GetUtcNow();
        var nonce = body["nonce"]?.GetValue<string>();
        if (nonce is not null && body["enforce_nonce"]?.GetValue<bool>() == true
            && _nonces.TryGetValue(channel + "/" + nonce, out var earlier) && now - earlier.At < NonceWindow)
        {
            return FakeResponse.Json(earlier.Message.ToJsonString());
        }

        var message = Payload.Load("message-example.json");
        var snowflake = ((ulong)(now.ToUnixTimeMilliseconds() - 1_420_070_400_000) << 22) + (ulong)(Interlocked.Increment(ref _sequence) & 0xFFF);
        message["id"] = snowflake.ToString(System.Globalization.CultureInfo.InvariantCulture);
        message["channel_id"] = channel;
        message["timestamp"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        message["author"] = new JsonObject { ["id"] = BotUserId, ["username"] = "K8sBot", ["discriminator"] = "0000", ["bot"] = true };
        message["content"] = body["content"]?.DeepClone() ?? string.Empty;
        message["embeds"] = body["embeds"]?.DeepClone() ?? new JsonArray();
        message["components"] = body["components"]?.DeepClone() ?? new JsonArray();
        message.Remove("reactions");
        lock (list)
        {
            list.Add(message);
        }

        if (nonce is not null)
        {
            _nonces[channel + "/" + nonce] = (message, now);
        }

        return FakeResponse.Json(message.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
