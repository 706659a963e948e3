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
            Clock.GetUtcNow());
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

        var id = Interlocked.Increment(ref _messageIds);
        return FakeResponse.Json($"{{\"id\":\"{id}\",\"channel_id\":\"1\"}}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
