using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace K8sBot.Benchmarks.Discord;

/// <summary>
/// One invocation is one second of load, so each is measured once (monitoring strategy). In
/// process: the fake Discord must live next to the adapter, and no rebuild is needed.
/// </summary>
public sealed class DiscordAckConfig : ManualConfig
{
    public DiscordAckConfig() =>
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
}
