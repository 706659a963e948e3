using System.Globalization;
using Cronos;

namespace K8sBot.Core.Daily;

/// <summary>When a channel posts: a local time on every day (or weekdays), or a cron expression, in one IANA zone.</summary>
public sealed record DailySchedule(TimeOnly Time, TimeZoneInfo Zone, bool Weekdays = false, CronExpression? Cron = null)
{
    internal static DailySchedule Of(DailySubscription subscription) => new(
        ParseTime(subscription.Time),
        ZoneCache.Zone(subscription.Zone),
        subscription.Weekdays,
        subscription.Cron is { Length: > 0 } cron ? ZoneCache.Cron(cron) : null);

    public DateOnly LocalDate(DateTimeOffset instant) => ZoneCache.LocalDate(Zone, instant);

    /// <summary>
    /// The instant of this schedule's post on <paramref name="date"/>, or null when the schedule
    /// does not post that day. A local time skipped by a spring-forward change posts at the first
    /// valid instant after the gap; a repeated fall-back time posts at its first occurrence.
    /// </summary>
    public DateTimeOffset? DueOn(DateOnly date)
    {
        if (Cron is not null)
        {
            var start = StartOfDay(date);
            var next = Cron.GetNextOccurrence(start, Zone, inclusive: true);
            return next is { } n && LocalDate(n) == date ? n : null;
        }

        if (Weekdays && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return null;
        }

        // Almost every day has no transition: one cached offset answers it.
        return ZoneCache.SteadyOffset(Zone, date) is { } offset
            ? new DateTimeOffset(date.ToDateTime(Time), offset)
            : ZoneCache.Transition(Zone, date, Time, () => Resolve(date.ToDateTime(Time)));
    }

    /// <summary>Parses the stored <c>HH:mm</c> without culture machinery (planning parses it for every channel).</summary>
    private static TimeOnly ParseTime(string text) =>
        text is [var h1, var h2, ':', var m1, var m2] && char.IsAsciiDigit(h1) && char.IsAsciiDigit(h2) && char.IsAsciiDigit(m1) && char.IsAsciiDigit(m2)
            ? new TimeOnly(((h1 - '0') * 10) + (h2 - '0'), ((m1 - '0') * 10) + (m2 - '0'))
            : TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The first instant of the local day (midnight, or the end of a gap at midnight).</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => Resolve(date.ToDateTime(TimeOnly.MinValue));

    private DateTimeOffset Resolve(DateTime local)
    {
        // Gaps are at most a few hours; walking by minutes is exact for every real zone.
        var guard = 0;
        while (Zone.IsInvalidTime(local) && guard++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first of the two 01:30s.
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
