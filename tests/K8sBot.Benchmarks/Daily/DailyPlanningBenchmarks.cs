using BenchmarkDotNet.Attributes;
using K8sBot.Core.Daily;

namespace K8sBot.Benchmarks.Daily;

/// <summary>
/// Issue 6: planning 10,000 subscriptions (each one's next due instant in its own zone, into the
/// scheduler's priority queue) must take under 50 ms.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class DailyPlanningBenchmarks
{
    private static readonly string[] Zones = ["Asia/Seoul", "America/New_York", "Europe/Berlin", "UTC", "Australia/Sydney", "America/Los_Angeles"];
    private readonly DateTimeOffset _now = new(2027, 3, 14, 6, 30, 0, TimeSpan.Zero);
    private List<DailySubscription> _subscriptions = [];

    [Params(10_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _subscriptions = [.. Enumerable.Range(0, Subscriptions).Select(i => new DailySubscription
        {
            Id = $"discord:g{i % 97}:c{i}",
            Time = $"{i % 24:00}:{i * 7 % 60:00}",
            Zone = Zones[i % Zones.Length],
            Weekdays = i % 5 == 0,
            Digest = true,
            Cron = i % 50 == 0 ? "30 8 * * 1-5" : null,
            LastPostedDate = i % 3 == 0 ? "2027-03-14" : "2027-03-13",
            Shown = ["pod", "replicaset"],
        })];
    }

    [Benchmark]
    public int PlanAll()
    {
        var due = new Dictionary<string, DateTimeOffset>(Subscriptions, StringComparer.Ordinal);
        return DailyCardScheduler.Plan(_subscriptions, _now, due).Count;
    }

    /// <summary>The per-channel part alone: one local day resolved in the channel zone.</summary>
    [Benchmark]
    public int DueOnOnly()
    {
        var n = 0;
        var date = new DateOnly(2027, 3, 15);
        foreach (var s in _subscriptions)
        {
            n += DailySchedule.Of(s).DueOn(date) is null ? 0 : 1;
        }

        return n;
    }
}
