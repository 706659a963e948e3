using K8sBot.Core.Daily;

namespace K8sBot.Core.Tests.Daily;

public sealed class DailyScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Fact]
    public void Nine_in_Seoul_is_midnight_utc()
    {
        var due = new DailySchedule(new TimeOnly(9, 0), Seoul).DueOn(new DateOnly(2026, 11, 27));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Nine_in_New_York_follows_the_offset_across_both_dst_changes()
    {
        var schedule = new DailySchedule(new TimeOnly(9, 0), NewYork);
        Assert.Equal(TimeSpan.FromHours(-4), schedule.DueOn(new DateOnly(2026, 10, 31))!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-5), schedule.DueOn(new DateOnly(2026, 11, 1))!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-5), schedule.DueOn(new DateOnly(2027, 3, 13))!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-4), schedule.DueOn(new DateOnly(2027, 3, 14))!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 13, 0, 0, TimeSpan.Zero), schedule.DueOn(new DateOnly(2027, 3, 14))!.Value.ToUniversalTime());
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_posts_at_the_first_valid_instant()
    {
        var due = new DailySchedule(new TimeOnly(2, 30), NewYork).DueOn(new DateOnly(2027, 3, 14))!.Value;
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 3, 0, 0, TimeSpan.FromHours(-4)), due);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void A_time_repeated_by_fall_back_posts_at_its_first_occurrence()
    {
        var due = new DailySchedule(new TimeOnly(1, 30), NewYork).DueOn(new DateOnly(2026, 11, 1))!.Value;
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void Weekdays_skip_saturday_and_sunday()
    {
        var schedule = new DailySchedule(new TimeOnly(9, 0), Seoul, Weekdays: true);
        Assert.NotNull(schedule.DueOn(new DateOnly(2026, 11, 27)));
        Assert.Null(schedule.DueOn(new DateOnly(2026, 11, 28)));
        Assert.Null(schedule.DueOn(new DateOnly(2026, 11, 29)));
        Assert.NotNull(schedule.DueOn(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void A_cron_expression_is_evaluated_in_the_channel_zone()
    {
        var schedule = new DailySchedule(new TimeOnly(9, 0), NewYork, Cron: Cronos.CronExpression.Parse("30 7 * * 2"));
        Assert.Null(schedule.DueOn(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.FromHours(-5)), schedule.DueOn(new DateOnly(2026, 12, 1)));
    }
}
