using System.CommandLine;
using System.Globalization;
using K8sBot.Core.Content;
using K8sBot.Core.Daily;
using K8sBot.Hosting;

namespace K8sBot.Cli;

/// <summary><c>k8sbot daily plan</c>: the posts a new subscription would make, from the scheduler's own planning code.</summary>
internal static class DailyCli
{
    public static Command Create()
    {
        var tz = new Option<string>("--tz") { Description = "IANA time zone", DefaultValueFactory = _ => "Asia/Seoul" };
        var time = new Option<string>("--time") { Description = "Local post time HH:mm", DefaultValueFactory = _ => "09:00" };
        var from = new Option<string?>("--from") { Description = "First date yyyy-MM-dd (default: today in the zone)" };
        var days = new Option<int>("--days") { Description = "Days to plan (1-3660)", DefaultValueFactory = _ => 60 };
        var lang = new Option<string>("--lang") { Description = "Card language ko|en (the plan is the same in both)", DefaultValueFactory = _ => "ko" };
        var weekdays = new Option<bool>("--weekdays") { Description = "Skip Saturday and Sunday" };
        var json = new Option<bool>("--json") { Description = "One JSON object per line: date, concept" };
        var plan = new Command("plan", "Print the date and concept of each post a new subscription would make") { tz, time, from, days, lang, weekdays, json };
        plan.SetAction(result =>
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(result.GetValue(tz)!, out var zone))
            {
                Console.Error.WriteLine($"k8sbot: unknown time zone '{result.GetValue(tz)}' (use an IANA id such as Asia/Seoul)");
                return 1;
            }

            if (!TimeOnly.TryParseExact(result.GetValue(time), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                Console.Error.WriteLine($"k8sbot: invalid time '{result.GetValue(time)}' (use HH:mm, 00:00 to 23:59)");
                return 1;
            }

            var count = result.GetValue(days);
            if (count is < 1 or > 3660)
            {
                Console.Error.WriteLine("k8sbot: --days must be between 1 and 3660");
                return 1;
            }

            var schedule = new DailySchedule(at, zone, result.GetValue(weekdays));
            DateOnly start;
            if (result.GetValue(from) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
                {
                    Console.Error.WriteLine($"k8sbot: invalid date '{text}' (use yyyy-MM-dd)");
                    return 1;
                }
            }
            else
            {
                start = schedule.LocalDate(TimeProvider.System.GetUtcNow());
            }

            var options = new ContentOptions();
            new ConfigurationBuilder().Apply().GetSection(ContentOptions.Section).Bind(options);
            var folder = options.ResolvePath();
            var loaded = ContentLoader.Load(folder);
            if (loaded.Problems.Count > 0)
            {
                throw new ContentInvalidException($"The content in '{folder}' has {loaded.Problems.Count} problem(s); run 'k8sbot content lint'.");
            }

            DailyPlanWriter.Write(Console.Out, DailyPlanner.Plan(loaded.Catalog, schedule, start, count), zone, result.GetValue(json));
            return 0;
        });

        return new Command("daily", "Daily concept cards") { plan };
    }

    private static IConfiguration Apply(this ConfigurationBuilder builder)
    {
        BotConfiguration.Apply(builder);
        return builder.Build();
    }
}
