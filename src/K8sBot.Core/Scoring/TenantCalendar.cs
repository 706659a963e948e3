using Microsoft.Extensions.Options;

namespace K8sBot.Core.Scoring;

/// <summary>Days and weeks as the team lives them: in the configured zone, weeks starting Monday 00:00.</summary>
public sealed class TenantCalendar(IOptions<ScoringOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    /// <summary>The Monday that starts the week containing <paramref name="at"/>.</summary>
    public DateOnly WeekStart(DateTimeOffset at)
    {
        var day = Day(at);
        var offset = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-offset);
    }

    /// <summary>When the week after the one containing <paramref name="at"/> starts, as an instant.</summary>
    public DateTimeOffset NextWeekStart(DateTimeOffset at)
    {
        var local = WeekStart(at).AddDays(7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    public static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
