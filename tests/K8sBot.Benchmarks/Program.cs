using BenchmarkDotNet.Running;
using K8sBot.Benchmarks.Quiz;

// `dotnet run -c Release -- latency` prints per-answer latency percentiles (BenchmarkDotNet measures whole operations);
// anything else goes to BenchmarkDotNet's switcher (e.g. `--filter *QuizAnswer*`).
if (args is ["latency", ..])
{
    await QuizAnswerLatency.RunAsync(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
