using BenchmarkDotNet.Running;

namespace K8sBot.Benchmarks;

/// <summary>
/// Every figure in docs/benchmarks.md comes from here:
/// <c>dotnet run -c Release --project tests/K8sBot.Benchmarks -- --filter '*'</c>.
/// Pick one with <c>--filter '*Ask*'</c> (see <c>--list flat</c>).
/// </summary>
internal static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        // Ask extras (docs/ask.md, docs/benchmarks.md): "ask-compare" prints the approach table,
        // "ask-measure" the per-question latency distribution and index memory.
        switch (args)
        {
            case ["ask-compare", ..]:
                Ask.AskComparison.Run();
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
