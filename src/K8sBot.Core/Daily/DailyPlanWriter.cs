using System.Globalization;
using System.Text.Json;

namespace K8sBot.Core.Daily;

/// <summary>Formats a plan for <c>k8sbot daily plan</c>: text lines, or one JSON object per line.</summary>
public static class DailyPlanWriter
{
    public static void Write(TextWriter output, IReadOnlyList<PlannedPost> plan, TimeZoneInfo zone, bool json)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(zone);
        foreach (var post in plan)
        {
            var date = DailyPlanner.Format(post.Date);
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(new PlanLine(date, post.Concept), PlanJson.Default.PlanLine));
            }
            else
            {
                var local = TimeZoneInfo.ConvertTime(post.At, zone);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{date} {local:ddd HH:mm zzz}  {post.Concept}"));
            }
        }
    }
}
