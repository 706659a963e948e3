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
    private int _sockets;
    private int _ts;

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

    private async Task<IResult> HookAsync(string id, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        Hooks.Add(new HookCall(id, body));
        return Results.Text("ok");
    }
}
