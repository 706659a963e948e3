using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Messaging;
using K8sBot.Core.Telemetry;
using K8sBot.Discord;
using K8sBot.Discord.Gateway;
using K8sBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace K8sBot.Benchmarks.Discord;

/// <summary>
/// Issue 7: 1,000 interactions per second through one shard of the loopback fake Discord, with
/// time-to-acknowledge measured from the gateway frame leaving the fake to the callback POST
/// arriving back at it. One invocation = one second of load (1,000 interactions, 10 every 10 ms);
/// the p50/p99/max over all invocations are printed as <c>// discord-ack</c> lines.
/// </summary>
[Config(typeof(DiscordAckConfig))]
[MemoryDiagnoser]
public class DiscordInteractionAckBenchmark
{
    private const int PerSecond = 1_000;
    private const int PerTick = 10;

    private readonly ConcurrentDictionary<string, long> _sentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private FakeDiscord _fake = null!;
    private ServiceProvider _services = null!;
    private FakeGatewayConnection _connection = null!;
    private CancellationTokenSource _stop = null!;
    private JsonObject _template = null!;
    private TaskCompletionSource _batchDone = null!;
    private int _pending;
    private long _next;
    private bool _measuring;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _fake.Record = false;
        _fake.Responder = request =>
        {
            var segments = request.Path.Split('/');
            if (segments.Length == 5 && segments[1] == "interactions" && _sentAt.TryRemove(segments[2], out var sent))
            {
                if (_measuring)
                {
                    _latenciesMs.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }

                if (Interlocked.Decrement(ref _pending) == 0)
                {
                    _batchDone.TrySetResult();
                }

                return new FakeResponse(204);
            }

            return null;
        };

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "bench-token",
            ["Discord:ApiBaseUrl"] = _fake.ApiBase,
            ["Discord:GuildId"] = "290926798626357999",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<AdapterStatusBoard>();
        services.AddSingleton<IChatCore, InstantCore>();
        services.AddSingleton(FixtureCatalog.Create());
        services.AddSingleton<ConceptLookup>();
        services.AddSingleton<IHostApplicationLifetime, TestLifetime>();
        services.AddDiscordAdapter(configuration);
        _services = services.BuildServiceProvider();
        _stop = new CancellationTokenSource();
        _ = _services.GetRequiredService<DiscordGateway>().RunAsync(_stop.Token);
        _connection = await _fake.NextConnectionAsync();
        await _connection.NextFrameAsync();
        await _connection.SendReadyAsync(_fake.ResumeUrl);
        _template = Payload.Load("gateway-dispatch-interaction-create-slash.json")["d"]!.AsObject();
        _template["data"] = JsonNode.Parse("""{"type":1,"name":"k8s","options":[{"type":1,"name":"card","options":[{"type":3,"name":"concept","value":"pod"}]}]}""");

        // Warm the HTTP connection pool and JIT before anything is measured.
        await RunSecondAsync(measure: false);
    }

    [Benchmark(OperationsPerInvoke = PerSecond)]
    public Task OneSecondAt1000PerSecond() => RunSecondAsync(measure: true);

    private async Task RunSecondAsync(bool measure)
    {
        _measuring = measure;
        _pending = PerSecond;
        _batchDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(PerSecond / (PerSecond / PerTick)));
        for (var sent = 0; sent < PerSecond; sent += PerTick)
        {
            for (var i = 0; i < PerTick; i++)
            {
                var id = (1_000_000_000_000_000 + Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);
                var interaction = _template.DeepClone().AsObject();
                interaction["id"] = id;
                interaction["token"] = "token-" + id;
                _sentAt[id] = Stopwatch.GetTimestamp();
                await _connection.DispatchAsync("INTERACTION_CREATE", interaction, _next);
            }

            await timer.WaitForNextTickAsync();
        }

        await _batchDone.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var sorted = _latenciesMs.Order().ToArray();
        if (sorted.Length > 0)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"// discord-ack: {sorted.Length} interactions, p50 {Percentile(sorted, 0.50):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms"));
        }

        _stop.Cancel();
        _services.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stop.Dispose();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>A core that answers at once, so the figure is the adapter's own cost.</summary>
    private sealed class InstantCore : IChatCore
    {
        private static readonly IReadOnlyList<Reply> Answer = [Reply.Text("**Pod**: the smallest unit that runs containers.")];

        public Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) => Task.FromResult(Answer);
    }
}
