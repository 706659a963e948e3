using K8sBot.Core.Daily;
using K8sBot.Core.Tests.Support;

namespace K8sBot.Core.Tests.Daily;

public sealed class DailyPlannerTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Fact]
    public void The_plan_walks_the_curriculum_without_repeats_then_starts_a_new_cycle()
    {
        var catalog = TestCatalog.Create();
        var plan = DailyPlanner.Plan(catalog, new DailySchedule(new TimeOnly(9, 0), Seoul), new DateOnly(2026, 12, 1), 9);

        Assert.Equal(["pod", "replicaset", "deployment", "service", "pod", "replicaset", "deployment", "service", "pod"], plan.Select(p => p.Concept));
        Assert.Equal(catalog.Concepts.Count, plan.Take(4).Select(p => p.Concept).Distinct().Count());
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2, 3], plan.Select(p => p.Cycle));
        Assert.Equal(new DateOnly(2026, 12, 9), plan[^1].Date);
    }

    [Fact]
    public void A_weekdays_plan_has_no_weekend_dates()
    {
        var plan = DailyPlanner.Plan(TestCatalog.Create(), new DailySchedule(new TimeOnly(9, 0), Seoul, Weekdays: true), new DateOnly(2026, 11, 27), 7);

        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)], plan.Select(p => p.Date));
    }

    [Fact]
    public void The_plan_command_prints_one_json_object_per_line_with_date_and_concept()
    {
        var plan = DailyPlanner.Plan(TestCatalog.Create(), new DailySchedule(new TimeOnly(9, 0), Seoul), new DateOnly(2026, 12, 1), 2);
        using var output = new StringWriter();

        DailyPlanWriter.Write(output, plan, Seoul, json: true);

        Assert.Equal(
            ["{\"date\":\"2026-12-01\",\"concept\":\"pod\"}", "{\"date\":\"2026-12-02\",\"concept\":\"replicaset\"}"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_plan_command_text_shows_the_local_time_with_its_offset_across_dst()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var plan = DailyPlanner.Plan(TestCatalog.Create(), new DailySchedule(new TimeOnly(9, 0), zone), new DateOnly(2027, 3, 13), 2);
        using var output = new StringWriter();

        DailyPlanWriter.Write(output, plan, zone, json: false);

        Assert.Equal(
            ["2027-03-13 Sat 09:00 -05:00  pod", "2027-03-14 Sun 09:00 -04:00  replicaset"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
