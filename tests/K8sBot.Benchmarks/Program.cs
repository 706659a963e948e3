using BenchmarkDotNet.Running;
using K8sBot.Benchmarks.Quiz;

namespace K8sBot.Benchmarks;

/// <summary>
/// Every figure in docs/benchmarks.md comes from here:
/// <c>dotnet run -c Release --project tests/K8sBot.Benchmarks -- --filter '*'</c>.
/// Pick one with <c>--filter '*Ask*'</c> (see <c>--list flat</c>).
/// <c>-- latency</c> prints per-answer latency percentiles of the quiz answer recorder, which
/// BenchmarkDotNet (whole operations) does not report.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        // Extra modes: "latency" (quiz answers), "ask-compare" (approach table in docs/ask.md) and
        // "ask-measure" (per-question latency distribution and index memory, docs/benchmarks.md),
        // "broadcast [channels]" (one daily broadcast against the rate-limited fake Discord).
        switch (args)
        {
            case ["latency", .. var latencyArgs]:
                await QuizAnswerLatency.RunAsync(latencyArgs, Console.Out);
                return;
            case ["ask-compare", ..]:
                Ask.AskComparison.Run();
                return;
            case ["broadcast", .. var rest]:
                await Daily.DailyBroadcastRun.RunAsync(rest, Console.Out);
                return;
            case ["ask-measure", ..]:
                Ask.AskMeasurement.Run();
                return;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                return;
        }
    }
}
