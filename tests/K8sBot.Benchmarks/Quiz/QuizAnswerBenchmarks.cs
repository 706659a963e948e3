using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace K8sBot.Benchmarks.Quiz;

/// <summary>
/// 1,000 users × 10 questions: every question's 1,000 answers arrive at once. One operation records
/// all 10,000 answers durably; group commit versus one upsert per answer (the baseline).
/// </summary>
[Config(typeof(QuizAnswerConfig))]
[MemoryDiagnoser]
public class QuizAnswerBenchmarks
{
    private AnswerWorkload? _workload;

    [IterationSetup]
    public void Setup() => _workload = new AnswerWorkload();

    [IterationCleanup]
    public void Cleanup() => _workload?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = AnswerWorkload.Users * AnswerWorkload.Questions)]
    public async Task UpsertPerAnswer()
    {
        for (var q = 0; q < AnswerWorkload.Questions; q++)
        {
            await Task.WhenAll(Enumerable.Range(0, AnswerWorkload.Users).Select(u => _workload!.UpsertOneAsync(AnswerWorkload.Answer(q, u))));
        }
    }

    [Benchmark(OperationsPerInvoke = AnswerWorkload.Users * AnswerWorkload.Questions)]
    public async Task GroupCommit()
    {
        for (var q = 0; q < AnswerWorkload.Questions; q++)
        {
            await Task.WhenAll(Enumerable.Range(0, AnswerWorkload.Users).Select(u => _workload!.Recorder.RecordAsync(AnswerWorkload.Answer(q, u))));
        }
    }
}

/// <summary>In-process (no generated project to build on a busy machine), whole-workload iterations.</summary>
public sealed class QuizAnswerConfig : ManualConfig
{
    public QuizAnswerConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
}
