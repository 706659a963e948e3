using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace K8sBot.Benchmarks.Quiz;

/// <summary>
/// Per-answer latency (intended arrival → durable acknowledgement) for the 1,000 users × 10 questions
/// workload, open-loop at a paced arrival rate and as one burst of 1,000 per question, for group commit
/// and for the baseline. Each mode runs one warm-up round and then the measured rounds on the same
/// database, so the LiteDB log carries over between rounds as it does in a running bot. Alongside:
/// commits, the slowest commit, checkpoints and GC pauses, so a tail can be attributed.
/// </summary>
/// <remarks>
/// Arguments: <c>[rounds] [--no-baseline] [--litedb-checkpoint | --no-checkpoint]</c>.
/// <c>--litedb-checkpoint</c> restores the old configuration (LiteDB checkpoints inside a commit once
/// the log reaches its default 1,000 pages; no idle checkpoint) to show the stall this recorder
/// avoids; <c>--no-checkpoint</c> never checkpoints during the run, to isolate other causes.
/// </remarks>
internal static class QuizAnswerLatency
{
    /// <summary>The pause between rounds; the quiz's reveal pause between questions is 3 s by default.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var baseline = !args.Contains("--no-baseline");
        var legacy = args.Contains("--litedb-checkpoint");
        var never = args.Contains("--no-checkpoint");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Processors: {Environment.ProcessorCount}; server GC: {System.Runtime.GCSettings.IsServerGC}; GC latency mode: {System.Runtime.GCSettings.LatencyMode}; checkpoints: {(legacy ? "LiteDB default (in-commit at 1,000 pages)" : "idle checkpoint")}; load average: {LoadAverage()}"));
        output.WriteLine("| Mode | Arrival | Round | Throughput (answers/s) | p50 (ms) | p99 (ms) | max (ms) | Issued late p50 / p99 (ms) | Commits | Commit p50 / max (ms) | Log after (pages) | In-commit checkpoints (ms) | Idle checkpoints between rounds (ms) | Commits > 3 ms: wall / on CPU / waiting for a CPU (ms), of them allocating ≥ 8 MB | GCs gen0/1/2, pause total (ms) | Last full GC pause (ms) | Allocated per answer (B) | Load |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|---:|---:|---:|");
        foreach (var rate in new[] { 20_000, 0 })
        {
            foreach (var group in baseline ? new[] { true, false } : [true])
            {
                using var probe = new CommitProbe();
                using var workload = new AnswerWorkload(probe.Metrics, legacy ? s => (s.CheckpointPages, s.IdleCheckpointPages) = (1000, 1_000_000) : never ? s => (s.CheckpointPages, s.IdleCheckpointPages) = (1_000_000, 1_000_000) : null);
                probe.Watch(workload.Database.LogPath);
                for (var round = 0; round <= rounds; round++)
                {
                    var idle = probe.TakeIdleCheckpoints();
                    probe.Reset();
                    var m = await MeasureAsync(workload, group, rate, round);
                    var arrival = rate == 0 ? "burst of 1,000 per question" : $"{rate:N0}/s paced";
                    if (round > 0)
                    {
                        // Round 0 is the warm-up (JIT, file growth).
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"| {(group ? "group commit" : "upsert per answer")} | {arrival} | {round} | {m.Throughput:N0} | {m.P50:0.00} | {m.P99:0.00} | {m.Max:0.00} | {m.LagP50:0.00} / {m.LagP99:0.00} | {probe.Commits} | {probe.CommitP50:0.00} / {probe.Slowest:0.00} | {workload.Database.LogPages} | {probe.InCommitCheckpoints()} | {idle} | {probe.SlowCommits()} | {m.Gcs} | {m.FullPause} | {m.AllocatedPerAnswer:N0} | {LoadAverage().Split(' ')[0]} |"));
                    }

                    await Task.Delay(Pause);
                }
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<Measurement> MeasureAsync(AnswerWorkload workload, bool group, int rate, int round)
    {
        var total = AnswerWorkload.Users * AnswerWorkload.Questions;
        var latencies = new double[total];
        var lags = new double[total];

        // Only primitives and one countdown outlive a press: holding 10,000 tasks and answers for the
        // whole round would promote them and charge the recorder for the harness's garbage.
        var remaining = total;
        var perQuestion = new int[AnswerWorkload.Questions];
        var questionDone = Enumerable.Range(0, AnswerWorkload.Questions).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Array.Fill(perQuestion, AnswerWorkload.Users);
        var gcPause = GC.GetTotalPauseDuration();
        var gcCounts = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var fullIndex = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        var ticksPerAnswer = rate > 0 ? (double)Stopwatch.Frequency / rate : 0;

        void Issue(int i, long intended)
        {
            var q = i / AnswerWorkload.Users;
            lags[i] = Stopwatch.GetElapsedTime(intended).TotalMilliseconds;
            var answer = AnswerWorkload.Answer(q, i % AnswerWorkload.Users, round);
            var write = group ? workload.Recorder.RecordAsync(answer) : workload.UpsertOneAsync(answer);
            write.ContinueWith(
                _ =>
                {
                    latencies[i] = Stopwatch.GetElapsedTime(intended).TotalMilliseconds;
                    if (Interlocked.Decrement(ref perQuestion[q]) == 0)
                    {
                        questionDone[q].TrySetResult();
                    }

                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        allDone.TrySetResult();
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        if (rate > 0)
        {
            // Open loop: answer i is due at start + i / rate and its latency counts from that instant,
            // so a stalled writer (or GC) shows in the figures instead of slowing the offered load (no
            // coordinated omission). The pacer is its own thread, issuing each answer on time: a 1 ms
            // PeriodicTimer was measured 2-3 ms late at the median here (timer thread, then a pool hop),
            // which counted the harness's lateness against the recorder. Between answers it spins
            // briefly and then yields (SpinOnce never escalates to Sleep(1)): sched_yield hands the core
            // to any runnable thread at once, so the writer and the acknowledgements are never kept
            // waiting by the pacer; it only burns otherwise idle cycles. The lag column shows how late
            // it still was.
            var issued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pacer = new Thread(() =>
            {
                var spinner = default(SpinWait);
                for (var next = 0; next < total; next++)
                {
                    var intended = start + (long)(next * ticksPerAnswer);
                    while (Stopwatch.GetTimestamp() < intended)
                    {
                        spinner.SpinOnce(sleep1Threshold: -1);
                    }

                    spinner.Reset();
                    Issue(next, intended);
                }

                issued.TrySetResult();
            })
            { IsBackground = true, Name = "quiz-bench-pacer" };
            pacer.Start();
            await issued.Task;
        }
        else
        {
            for (var q = 0; q < AnswerWorkload.Questions; q++)
            {
                // All 1,000 presses of a question are due at the same instant.
                var intended = Stopwatch.GetTimestamp();
                for (var u = 0; u < AnswerWorkload.Users; u++)
                {
                    Issue((q * AnswerWorkload.Users) + u, intended);
                }

                await questionDone[q].Task;
            }
        }

        await allDone.Task;
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var pause = (GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds;
        var gcs = string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0) - gcCounts.Item1}/{GC.CollectionCount(1) - gcCounts.Item2}/{GC.CollectionCount(2) - gcCounts.Item3}, {pause:0.0}");
        var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var fullPause = full.Index != fullIndex && full.PauseDurations.Length > 0 ? full.PauseDurations[0].TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) : "–";
        var perAnswer = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)total;
        Array.Sort(latencies);
        Array.Sort(lags);
        return new Measurement(total / seconds, latencies[total / 2], latencies[(int)(total * 0.99)], latencies[^1], gcs, fullPause, perAnswer, lags[total / 2], lags[(int)(total * 0.99)]);
    }

    private sealed record Measurement(double Throughput, double P50, double P99, double Max, string Gcs, string FullPause, double AllocatedPerAnswer, double LagP50, double LagP99);

    /// <summary>
    /// Listens to the recorder's write histogram: commits (<c>round_answers</c>) and idle checkpoints
    /// (<c>checkpoint</c>). A commit after which the log file shrank ran LiteDB's own checkpoint
    /// inside it (LiteDB truncates the log when it checkpoints).
    /// </summary>
    private sealed class CommitProbe : IDisposable
    {
        private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        private readonly MeterListener _listener = new();
        private readonly Lock _gate = new();
        private readonly List<double> _commits = [];
        private readonly List<double> _inCommitCheckpoints = [];
        private readonly List<double> _idleCheckpoints = [];
        private readonly List<(double Wall, double Cpu, double RunQueue, long Allocated)> _slow = [];
        private long _lastAllocated;
        private (long Cpu, long RunQueue) _lastSched;
        private string? _logPath;
        private long _lastLog;

        public CommitProbe()
        {
            Metrics = new BotMetrics(_services.GetRequiredService<IMeterFactory>());
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BotMetrics.MeterName && instrument.Name == "k8sbot.db.write.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>(OnWrite);
            _listener.Start();
        }

        public BotMetrics Metrics { get; }

        public int Commits
        {
            get
            {
                lock (_gate)
                {
                    return _commits.Count;
                }
            }
        }

        public double Slowest
        {
            get
            {
                lock (_gate)
                {
                    return _commits.Count == 0 ? 0 : _commits.Max();
                }
            }
        }

        public double CommitP50
        {
            get
            {
                lock (_gate)
                {
                    return _commits.Count == 0 ? 0 : _commits.Order().ElementAt(_commits.Count / 2);
                }
            }
        }

        public void Watch(string logPath) => _logPath = logPath;

        public string SlowCommits()
        {
            lock (_gate)
            {
                return _slow.Count == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{_slow.Count}: {_slow.Sum(x => x.Wall):0.0} / {_slow.Sum(x => x.Cpu):0.0} / {_slow.Sum(x => x.RunQueue):0.0}, {_slow.Count(x => x.Allocated >= 8_000_000)}");
            }
        }

        public void Reset()
        {
            lock (_gate)
            {
                _commits.Clear();
                _inCommitCheckpoints.Clear();
                _slow.Clear();
            }
        }

        public string InCommitCheckpoints()
        {
            lock (_gate)
            {
                return Format(_inCommitCheckpoints);
            }
        }

        public string TakeIdleCheckpoints()
        {
            lock (_gate)
            {
                var text = Format(_idleCheckpoints);
                _idleCheckpoints.Clear();
                return text;
            }
        }

        public void Dispose()
        {
            _listener.Dispose();
            Metrics.Dispose();
            _services.Dispose();
        }

        /// <summary>Nanoseconds on a CPU and waiting on a run queue (Linux <c>schedstat</c>), or zeros elsewhere.</summary>
        private static (long Cpu, long RunQueue) ThreadSchedStat()
        {
            try
            {
                var parts = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
                return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                return default;
            }
        }

        private static string Format(List<double> durations) =>
            durations.Count == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{durations.Count}: {string.Join(", ", durations.Select(c => c.ToString("0.0", CultureInfo.InvariantCulture)))}");

        private void OnWrite(Instrument instrument, double ms, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            var checkpoint = tags.Length > 0 && Equals(tags[0].Value, "checkpoint");

            // Runs on the writer thread right after its commit: the scheduler's account of this thread
            // since the previous commit tells a slow commit's own CPU from time spent waiting for a core.
            var sched = ThreadSchedStat();
            var (cpu, runQueue) = ((sched.Cpu - _lastSched.Cpu) / 1e6, (sched.RunQueue - _lastSched.RunQueue) / 1e6);
            _lastSched = sched;

            // LiteDB grows its page cache 1,000 pages (8 MB) at a time; a commit that allocated that much extended it.
            var allocatedNow = GC.GetAllocatedBytesForCurrentThread();
            var allocated = allocatedNow - _lastAllocated;
            _lastAllocated = allocatedNow;
            var log = _logPath is not null && File.Exists(_logPath) ? new FileInfo(_logPath).Length : 0;
            lock (_gate)
            {
                if (checkpoint)
                {
                    _idleCheckpoints.Add(ms);
                }
                else
                {
                    _commits.Add(ms);
                    if (ms > 3)
                    {
                        _slow.Add((ms, cpu, runQueue, allocated));
                    }

                    if (log < _lastLog)
                    {
                        _inCommitCheckpoints.Add(ms);
                    }
                }

                _lastLog = log;
            }
        }
    }
}
