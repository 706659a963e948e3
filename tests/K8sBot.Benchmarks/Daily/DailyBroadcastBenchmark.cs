using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace K8sBot.Benchmarks.Daily;

/// <summary>
/// Issue 10: the daily broadcast through the real scheduler, poster and Discord adapter against a
/// fake Discord enforcing 50 requests/s global and 5 messages/5 s per channel. Each invocation is
/// one whole broadcast on a fresh database; the wall time, floor, ratio and 429 count print as
/// <c>// daily-broadcast</c> lines. Channels default to 250 (a 5 s floor, fast enough for CI);
/// set <c>K8SBOT_BROADCAST_CHANNELS=2000</c> for the full size, or use <c>-- broadcast 2000</c>
/// for one measured run after a warm-up (the recorded figure).
/// </summary>
[Config(typeof(Config))]
public class DailyBroadcastBenchmark
{
    private DailyBroadcast _broadcast = null!;

    public static IEnumerable<int> ChannelCounts =>
        [int.TryParse(Environment.GetEnvironmentVariable("K8SBOT_BROADCAST_CHANNELS"), out var n) && n > 0 ? n : 250];

    [ParamsSource(nameof(ChannelCounts))]
    public int Channels { get; set; }

    [IterationSetup]
    public void Setup() => _broadcast = DailyBroadcast.CreateAsync(Channels).GetAwaiter().GetResult();

    [Benchmark]
    public async Task Broadcast()
    {
        var result = await _broadcast.RunAsync();
        Console.WriteLine(result);
    }

    [IterationCleanup]
    public void Cleanup() => _broadcast.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One broadcast per iteration (monitoring), in process so the fake lives next to the adapter.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
    }
}
