using System.Diagnostics;
using System.Globalization;

namespace K8sBot.Benchmarks.Quiz;

/// <summary>
/// Per-answer latency (press accepted → durable acknowledgement) for the same workload, at a paced
/// arrival rate and as one burst per question, for group commit and for the baseline.
/// </summary>
internal static class QuizAnswerLatency
{
    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Processors: {Environment.ProcessorCount}; load average: {LoadAverage()}"));
        output.WriteLine("| Mode | Arrival | Answers | Throughput (answers/s) | Answers per CPU-second | p50 (ms) | p99 (ms) | max (ms) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var rate in new[] { 20_000, 0 })
        {
            foreach (var group in new[] { true, false })
            {
                // One warm-up pass (JIT, file growth), then the measured one.
                await MeasureAsync(group, rate);
                var (throughput, perCpu, p50, p99, max) = await MeasureAsync(group, rate);
                var arrival = rate == 0 ? "burst of 1,000 per question" : $"{rate:N0}/s paced";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(group ? "group commit" : "upsert per answer")} | {arrival} | {AnswerWorkload.Users * AnswerWorkload.Questions:N0} | {throughput:N0} | {perCpu:N0} | {p50:0.00} | {p99:0.00} | {max:0.00} |"));
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<(double Throughput, double PerCpuSecond, double P50, double P99, double Max)> MeasureAsync(bool group, int rate)
    {
        using var workload = new AnswerWorkload();
        var total = AnswerWorkload.Users * AnswerWorkload.Questions;
        var latencies = new double[total];
        var tasks = new Task[total];
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var q = 0; q < AnswerWorkload.Questions; q++)
        {
            for (var u = 0; u < AnswerWorkload.Users; u++)
            {
                var i = (q * AnswerWorkload.Users) + u;
                if (rate > 0)
                {
                    // Open-loop pacing: answer i is due at i / rate seconds; sleep (not spin) so the
                    // load generator does not steal the writer's CPU.
                    while (clock.Elapsed.TotalSeconds * rate < i)
                    {
                        Thread.Sleep(1);
                    }
                }

                var answer = AnswerWorkload.Answer(q, u);
                var started = Stopwatch.GetTimestamp();
                var write = group ? workload.Recorder.RecordAsync(answer) : workload.UpsertOneAsync(answer);
                tasks[i] = write.ContinueWith(_ => latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds, TaskScheduler.Default);
            }

            if (rate == 0)
            {
                await Task.WhenAll(tasks.Skip(q * AnswerWorkload.Users).Take(AnswerWorkload.Users));
            }
        }

        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Array.Sort(latencies);
        return (total / seconds, total / cpuSeconds, latencies[total / 2], latencies[(int)(total * 0.99)], latencies[^1]);
    }
}
