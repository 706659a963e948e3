using System.Diagnostics;
using K8sBot.Core.Ask;
using K8sBot.Core.Tests.Ask;

namespace K8sBot.Benchmarks.Ask;

/// <summary>
/// What BenchmarkDotNet does not report directly: per-question wall-clock latency percentiles over every
/// question of the set, first (cold, JIT included) and warm index builds, and the managed memory
/// the index keeps alive. Times are reported both as wall clock and as thread CPU time.
/// </summary>
internal static class AskMeasurement
{
    public static void Run()
    {
        var catalog = AskComparison.LoadCatalog();
        var cases = AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", "ask-eval.tsv"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {RuntimeInformationText()}, load average {LoadAverage()}");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cpu = ThreadCpu.Microseconds();
        var wall = Stopwatch.StartNew();
        var engine = new CatalogAskEngine(catalog);
        Console.WriteLine($"first index build (cold, JIT included): {wall.Elapsed.TotalMilliseconds:0.0} ms wall, {(ThreadCpu.Microseconds() - cpu) / 1000:0.0} ms thread CPU");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(engine);
        Console.WriteLine($"index managed memory (GC.GetTotalMemory delta): {(after - before) / 1024.0 / 1024.0:0.00} MB");

        var builds = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < 10; i++)
        {
            cpu = ThreadCpu.Microseconds();
            wall.Restart();
            _ = new CatalogAskEngine(catalog);
            builds.Add((wall.Elapsed.TotalMilliseconds, (ThreadCpu.Microseconds() - cpu) / 1000));
        }

        Console.WriteLine($"warm index build: median {builds.Select(b => b.Wall).Order().ElementAt(5):0.0} ms wall, {builds.Select(b => b.Cpu).Order().ElementAt(5):0.0} ms thread CPU");

        foreach (var c in cases)
        {
            engine.Answer(c.Question, c.Lang);
        }

        const int Rounds = 50;
        var walls = new List<double>(cases.Count * Rounds);
        var totalCpu = ThreadCpu.Microseconds();
        var total = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var c in cases)
            {
                var start = Stopwatch.GetTimestamp();
                engine.Answer(c.Question, c.Lang);
                walls.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        var elapsed = total.Elapsed.TotalSeconds;
        var cpuSeconds = (ThreadCpu.Microseconds() - totalCpu) / 1e6;
        Console.WriteLine($"{walls.Count} answers on one thread: {walls.Count / elapsed:0} questions/s wall, {walls.Count / cpuSeconds:0} questions/s per thread-CPU-second = {cpuSeconds * 1e6 / walls.Count:0.0} µs CPU per question");
        Console.WriteLine($"  wall µs: {Describe(walls)}");
    }

    private static string Describe(List<double> samples)
    {
        samples.Sort();
        double P(double q) => samples[(int)Math.Min(samples.Count - 1, q * samples.Count)];
        return $"mean {samples.Average():0.0}, p50 {P(0.5):0.0}, p90 {P(0.9):0.0}, p99 {P(0.99):0.0}, max {samples[^1]:0.0}";
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
