using System.Collections.Concurrent;
using Cronos;

namespace K8sBot.Core.Daily;

/// <summary>
/// Memoises the expensive time-zone work planning repeats for thousands of channels: zone and cron
/// lookups, and per zone and local day whether the day has a transition (almost none do).
/// Bounded: a cache that grows past its cap is simply cleared.
/// </summary>
internal static class ZoneCache
{
    private const int Cap = 8192;
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, CronExpression> Crons = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Zone, DateOnly Date), TimeSpan?> Days = new();
    private static readonly ConcurrentDictionary<(string Zone, DateTimeOffset Instant), DateOnly> Dates = new();
    private static readonly ConcurrentDictionary<(string Zone, DateOnly Date, TimeOnly Time), DateTimeOffset> Transitions = new();

    public static TimeZoneInfo Zone(string id) => Get(Zones, id, TimeZoneInfo.FindSystemTimeZoneById);

    public static CronExpression Cron(string expression) => Get(Crons, expression, e => CronExpression.Parse(e));

    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        Get(Dates, (zone.Id, instant), k => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));

    /// <summary>The one UTC offset of the whole local day, or null when the day has a transition (or starts at one).</summary>
    public static TimeSpan? SteadyOffset(TimeZoneInfo zone, DateOnly date) => Get(Days, (zone.Id, date), _ =>
    {
        var first = date.ToDateTime(TimeOnly.MinValue);
        var last = date.ToDateTime(new TimeOnly(23, 59, 59));
        if (zone.IsInvalidTime(first) || zone.IsAmbiguousTime(first) || zone.IsInvalidTime(last) || zone.IsAmbiguousTime(last))
        {
            return null;
        }

        var offset = zone.GetUtcOffset(first);
        return offset == zone.GetUtcOffset(last) ? offset : null;
    });

    /// <summary>A resolved local time on a transition day.</summary>
    public static DateTimeOffset Transition(TimeZoneInfo zone, DateOnly date, TimeOnly time, Func<DateTimeOffset> resolve) =>
        Get(Transitions, (zone.Id, date, time), _ => resolve());

    private static TValue Get<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> create)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }

        if (cache.Count >= Cap)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, create);
    }
}
