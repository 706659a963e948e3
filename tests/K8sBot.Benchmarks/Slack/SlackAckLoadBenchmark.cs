using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using K8sBot.Core.Telemetry;
using K8sBot.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace K8sBot.Benchmarks.Slack;

/// <summary>
/// Issue 8: 500 Socket Mode envelopes per second through a loopback fake Slack, p99 time-to-ack
/// under 50 ms. Each invocation sends one second of load (500 slash-command envelopes, 5 every
/// 10 ms) through the real adapter and waits for every ack; the time from sending an envelope to
/// receiving its ack is collected over all iterations, and p50/p99/max are printed and written to
/// <c>slack-ack-latency.txt</c> at cleanup. BenchmarkDotNet's own Mean is just the 1 s pacing.
/// </summary>
[Config(typeof(InProcessConfig))]
public class SlackAckLoadBenchmark
{
    private const int PerSecond = 500;
    private const int PerTick = 5;

    private readonly ConcurrentDictionary<string, long> _sentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private WebApplication _fake = null!;
    private IHost _adapter = null!;
    private WebSocket _socket = null!;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _allAcked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _hookBase = string.Empty;
    private int _pending;
    private int _iterations;
    private int _next;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "500 envelopes in 1 s, all acked")]
    public void OneSecondOfEnvelopes() => SendSecondAsync().GetAwaiter().GetResult();

    [IterationSetup]
    public void ResetIteration()
    {
        _allAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (++_iterations == 2)
        {
            _latenciesMs.Clear(); // the first (warmup) iteration pays for JIT and connection pools
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var sorted = _latenciesMs.Order().ToArray();
        if (sorted.Length > 0)
        {
            var report = string.Create(
                CultureInfo.InvariantCulture,
                $"Slack Socket Mode time-to-ack at {PerSecond}/s: n={sorted.Length} p50={Percentile(sorted, 0.50):0.00} ms p99={Percentile(sorted, 0.99):0.00} ms max={sorted[^1]:0.00} ms");
            Console.WriteLine("// " + report);
            File.WriteAllText("slack-ack-latency.txt", report + Environment.NewLine);
        }

        _adapter.StopAsync().GetAwaiter().GetResult();
        _adapter.Dispose();
        _fake.StopAsync().GetAwaiter().GetResult();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>In process: the measurement is wall-clock latency over sockets, and a rebuild per job adds nothing but time.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _fake = builder.Build();
        _fake.UseWebSockets();
        _fake.Map("/link", AcceptAsync);
        _fake.MapPost("/api/{method}", (Delegate)Api);
        _fake.MapPost("/hooks/{id}", () => Results.Text("ok"));
        await _fake.StartAsync();
        var baseUrl = _fake.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        var host = Host.CreateApplicationBuilder();
        host.Configuration.Sources.Clear();
        host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-bench",
            ["Slack:AppToken"] = "xapp-bench",
            ["Slack:ApiBaseUrl"] = baseUrl + "/api",
        });
        host.Logging.ClearProviders();
        host.Services.AddSingleton<AdapterStatusBoard>();
        host.Services.AddMetrics();
        host.Services.AddSingleton<BotMetrics>();
        host.Services.AddSingleton<IChatCore, ReplyingCore>();
        host.Services.AddSlackAdapter(host.Configuration);
        _adapter = host.Build();
        await _adapter.StartAsync();
        await _connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _hookBase = baseUrl + "/hooks/";
    }

    private async Task SendSecondAsync()
    {
        Volatile.Write(ref _pending, PerSecond);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 * PerTick / PerSecond));
        for (var sent = 0; sent < PerSecond; sent += PerTick)
        {
            for (var i = 0; i < PerTick; i++)
            {
                var id = "env-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
                var frame = Envelope(id);
                _sentAt[id] = Stopwatch.GetTimestamp();
                await _socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
            }

            await timer.WaitForNextTickAsync();
        }

        await _allAcked.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private byte[] Envelope(string id) => Encoding.UTF8.GetBytes(
        $$"""{"payload":{"token":"x","team_id":"T1","channel_id":"C{{id.Length % 7}}","user_id":"U1","user_name":"bench","command":"/k8s","text":"ask what is a pod","response_url":"{{_hookBase}}{{id}}","trigger_id":"1"},"envelope_id":"{{id}}","type":"slash_commands","accepts_response_payload":true}""");

    private async Task AcceptAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        _socket = socket;
        await socket.SendAsync("""{"type":"hello","num_connections":1}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        _connected.TrySetResult();
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }

            var now = Stopwatch.GetTimestamp();
            using var ack = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
            var id = ack.RootElement.GetProperty("envelope_id").GetString()!;
            if (_sentAt.TryRemove(id, out var sentAt))
            {
                _latenciesMs.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
                if (Interlocked.Decrement(ref _pending) == 0)
                {
                    _allAcked.TrySetResult();
                }
            }
        }
    }

    private IResult Api(string method) => method switch
    {
        "auth.test" => Results.Text("""{"ok":true,"team_id":"T1","user_id":"UBOT","bot_id":"B1"}""", "application/json"),
        "apps.connections.open" => Results.Text($$"""{"ok":true,"url":"{{_fake.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("http", "ws", StringComparison.Ordinal)}}/link"}""", "application/json"),
        "users.info" => Results.Text("""{"ok":true,"user":{"id":"U1","name":"bench","is_admin":false,"locale":"en-US"}}""", "application/json"),
        _ => Results.Text("""{"ok":true,"ts":"1.1"}""", "application/json"),
    };

    private sealed class ReplyingCore : IChatCore
    {
        public Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Reply>>([Reply.Text("A **Pod** is the smallest deployable unit.")]);
    }
}
