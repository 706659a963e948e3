using BenchmarkDotNet.Running;
using K8sBot.Benchmarks.Ask;

// dotnet run -c Release --project tests/K8sBot.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/K8sBot.Benchmarks -- ask-compare   (accuracy table for docs/ask.md)
// dotnet run -c Release --project tests/K8sBot.Benchmarks -- ask-measure   (per-question p99, index memory)
if (args is ["ask-compare", ..])
{
    AskComparison.Run();
    return;
}

if (args is ["ask-measure", ..])
{
    AskMeasurement.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
