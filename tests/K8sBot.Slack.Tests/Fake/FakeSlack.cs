using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>
/// An in-process Slack on loopback: the Web API under <c>/api/{method}</c>, Socket Mode sockets
/// under <c>/link</c> (URLs handed out by apps.connections.open), and response_url hooks under
/// <c>/hooks/{id}</c>. Answers come from the shared fixtures unless a test scripts them.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    public const string TeamId = "T111";
    public const string BotUserId = "U222";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Scripted>> _scripts = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _scheduled = [];
    private int _sockets;
    private int _ts;
    private int _scheduledIds;

    private FakeSlack(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api");

    public Recorder<ApiCall> Calls { get; } = new();

    public Recorder<FakeSocket> Sockets { get; } = new();

    public Recorder<HookCall> Hooks { get; } = new();

    public HashSet<string> Admins { get; } = [];

    public bool SendHello { get; set; } = true;

    /// <summary>
    /// True: chat.scheduleMessage is stateful (post_at must be in the future, else time_in_past),
    /// chat.scheduledMessages.list lists what is still pending, and conversations.history shows each
    /// scheduled message, bot-authored, once its post_at has passed on <see cref="Clock"/>.
    /// </summary>
    public bool Remember { get; set; }

    /// <summary>The bot_id Slack stamps on the bot's messages (from the auth.test fixture).</summary>
    public static string BotId => Fixture.Json("auth-test-response-bot.json")["bot_id"]!.GetValue<string>();

    /// <summary>Every message accepted by chat.scheduleMessage, in order.</summary>
    public IReadOnlyList<JsonObject> Scheduled
    {
        get
        {
            lock (_scheduled)
            {
                return [.. _scheduled.Select(m => m.DeepClone().AsObject())];
            }
        }
    }

    public static async Task<FakeSlack> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app, clock);
        app.UseWebSockets();
        app.Map("/link", fake.AcceptSocketAsync);
        app.MapPost("/api/{method}", (Delegate)fake.ApiAsync);
        app.MapPost("/hooks/{id}", (Delegate)fake.HookAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public Uri HookUrl(string id) => new(BaseUrl, $"hooks/{id}");

    public void Script(string method, Scripted answer) => _scripts.GetOrAdd(method, _ => new ConcurrentQueue<Scripted>()).Enqueue(answer);

    public Task<IReadOnlyList<ApiCall>> CallsTo(string method, int count = 1) => Calls.WaitAsync(c => c.Method == method, count);

    public int CountOf(string method) => Calls.Items.Count(c => c.Method == method);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var fake = new FakeSocket(socket, Interlocked.Increment(ref _sockets));
        var run = fake.RunAsync();
        Sockets.Add(fake);
        if (SendHello)
        {
            await fake.SendFixtureAsync("socket-hello.json");
        }

        await run;
    }

    private async Task<IResult> ApiAsync(string method, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var isJson = context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;
        var json = isJson && body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
        var form = isJson ? new Dictionary<string, string>() : QueryHelpers.ParseQuery(body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        var call = new ApiCall(method, context.Request.Headers.Authorization.ToString(), body, json, form, Clock.GetUtcNow());
        Calls.Add(call);

        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            return Results.Text(scripted.Body, "application/json", Encoding.UTF8, scripted.Status);
        }

        return Results.Text(Default(call).ToJsonString(), "application/json");
    }

    private JsonObject Default(ApiCall call)
    {
        if (Remember && Remembered(call) is { } remembered)
        {
            return remembered;
        }

        var ts = $"1700000000.{Interlocked.Increment(ref _ts).ToString("000000", CultureInfo.InvariantCulture)}";
        switch (call.Method)
        {
            case "auth.test":
                var auth = Fixture.Json("auth-test-response-bot.json");
                auth["team_id"] = TeamId;
                auth["user_id"] = BotUserId;
                return auth;
            case "apps.connections.open":
                if (call.Authorization?.StartsWith("Bearer xapp-", StringComparison.Ordinal) != true)
                {
                    return new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" };
                }

                var ws = new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/link", Query = "ticket=" + ts }.Uri;
                return new JsonObject { ["ok"] = true, ["url"] = ws.ToString() };
            case "chat.postMessage":
                var posted = Fixture.Json("chat-postMessage-response.json");
                posted["channel"] = call.Arg("channel");
                posted["ts"] = ts;
                return posted;
            case "chat.update":
                return new JsonObject { ["ok"] = true, ["channel"] = call.Arg("channel"), ["ts"] = call.Arg("ts") };
            case "chat.postEphemeral":
                return new JsonObject { ["ok"] = true, ["message_ts"] = ts };
            case "chat.scheduleMessage":
                return new JsonObject { ["ok"] = true, ["channel"] = call.Arg("channel"), ["scheduled_message_id"] = "Q1298393284", ["post_at"] = call.Json?["post_at"]?.DeepClone() };
            case "chat.scheduledMessages.list":
                return new JsonObject
                {
                    ["ok"] = true,
                    ["scheduled_messages"] = new JsonArray(new JsonObject { ["id"] = "Q1298393284", ["channel_id"] = "C1H9RESGL", ["post_at"] = 1562180400, ["date_created"] = 1562177783, ["text"] = "Here's a message for you in the future" }),
                };
            case "users.info":
                var user = call.Arg("user") ?? "U?";
                return new JsonObject
                {
                    ["ok"] = true,
                    ["user"] = new JsonObject
                    {
                        ["id"] = user,
                        ["name"] = "name-" + user,
                        ["is_admin"] = Admins.Contains(user),
                        ["locale"] = "en-US",
                        ["profile"] = new JsonObject { ["display_name"] = "Display " + user },
                    },
                };
            default:
                return new JsonObject { ["ok"] = true };
        }
    }

    private JsonObject? Remembered(ApiCall call)
    {
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();
        switch (call.Method)
        {
            case "chat.scheduleMessage":
                var postAt = long.Parse(call.Arg("post_at")!, CultureInfo.InvariantCulture);
                if (postAt <= now)
                {
                    return Fixture.Json("chat-scheduleMessage-error-time-in-past.json");
                }

                var id = "Q" + Interlocked.Increment(ref _scheduledIds).ToString("000000000", CultureInfo.InvariantCulture);
                lock (_scheduled)
                {
                    _scheduled.Add(new JsonObject
                    {
                        ["id"] = id,
                        ["channel_id"] = call.Arg("channel"),
                        ["post_at"] = postAt,
                        ["date_created"] = now,
                        ["text"] = call.Arg("text"),
                        ["blocks"] = call.Json?["blocks"]?.DeepClone(),
                    });
                }

                var answer = Fixture.Json("chat-scheduleMessage-response.json");
                answer["channel"] = call.Arg("channel");
                answer["scheduled_message_id"] = id;
                answer["post_at"] = postAt.ToString(CultureInfo.InvariantCulture);
                return answer;
            case "chat.scheduledMessages.list":
                var list = Fixture.Json("chat-scheduledMessages-list-response.json");
                list["scheduled_messages"] = new JsonArray([.. Matching(call, m => m["post_at"]!.GetValue<long>() > now, m => m["post_at"]!.GetValue<long>())
                    .Select(m => new JsonObject { ["id"] = m["id"]!.DeepClone(), ["channel_id"] = m["channel_id"]!.DeepClone(), ["post_at"] = m["post_at"]!.DeepClone(), ["date_created"] = m["date_created"]!.DeepClone(), ["text"] = m["text"]?.DeepClone() })]);
                return list;
            case "conversations.history":
                var history = Fixture.Json("conversations-history-response.json");
                history["has_more"] = false;
                history["response_metadata"] = new JsonObject { ["next_cursor"] = string.Empty };
                history["messages"] = new JsonArray([.. Matching(call, m => m["post_at"]!.GetValue<long>() <= now, m => m["post_at"]!.GetValue<long>())
                    .OrderByDescending(m => m["post_at"]!.GetValue<long>())
                    .Select(m => new JsonObject
                    {
                        ["type"] = "message",
                        ["subtype"] = "bot_message",
                        ["text"] = m["text"]?.DeepClone(),
                        ["ts"] = m["post_at"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture) + ".000100",
                        ["bot_id"] = BotId,
                        ["user"] = BotUserId,
                        ["blocks"] = m["blocks"]?.DeepClone(),
                    })]);
                return history;
            default:
                return null;
        }
    }

    /// <summary>Scheduled messages of the call's channel passing <paramref name="state"/> whose time is within oldest..latest.</summary>
    private List<JsonObject> Matching(ApiCall call, Func<JsonObject, bool> state, Func<JsonObject, long> time)
    {
        var channel = call.Arg("channel");
        var oldest = call.Arg("oldest") is { } o ? long.Parse(o, CultureInfo.InvariantCulture) : long.MinValue;
        var latest = call.Arg("latest") is { } l ? long.Parse(l, CultureInfo.InvariantCulture) : long.MaxValue;
        lock (_scheduled)
        {
            return [.. _scheduled.Where(m => (channel is null || m["channel_id"]!.GetValue<string>() == channel) && state(m) && time(m) >= oldest && time(m) <= latest)];
        }
    }

    private async Task<IResult> HookAsync(string id, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        Hooks.Add(new HookCall(id, body));
        return Results.Text("ok");
    }
}
