using K8sBot.Core.Messaging;
using K8sBot.Core.Quiz;
using K8sBot.Core.Storage;

namespace K8sBot.Core.Scoring;

/// <summary>
/// Builds boards from stored scores. A team's score is the average of its members who scored in
/// the period, so a big team does not win by size alone.
/// </summary>
public sealed class Leaderboard(ScoreStore scores, TeamStore teams, UserProfileStore profiles, TenantCalendar calendar)
{
    /// <summary>When the current week's board closes, in the tenant's zone.</summary>
    public DateTimeOffset WeekEnd(DateTimeOffset now) => TimeZoneInfo.ConvertTime(calendar.NextWeekStart(now), calendar.Zone);

    public IReadOnlyList<Ranked<LeaderboardEntry>> People(TenantKey tenant, LeaderboardPeriod period, DateTimeOffset now)
    {
        var entries = scores.All(tenant, now)
            .Select(s => (s.UserId, Points: PointsFor(s, period)))
            .Where(s => s.Points > 0)
            .Select(s => new LeaderboardEntry(s.UserId, profiles.Find(tenant, s.UserId)?.DisplayName ?? s.UserId, s.Points, 1));
        return Ranking.Rank(entries, e => e.Points, e => e.Name);
    }

    public IReadOnlyList<Ranked<LeaderboardEntry>> Teams(TenantKey tenant, LeaderboardPeriod period, DateTimeOffset now)
    {
        var points = scores.All(tenant, now).ToDictionary(s => s.UserId, s => PointsFor(s, period), StringComparer.Ordinal);
        var entries = teams.All(tenant)
            .GroupBy(m => m.TeamKey, StringComparer.Ordinal)
            .Select(g =>
            {
                var playing = g.Select(m => points.GetValueOrDefault(m.UserId)).Where(p => p > 0).ToList();
                return new LeaderboardEntry(g.Key, g.First().TeamName, playing.Count == 0 ? 0 : Math.Round(playing.Average(), 1), playing.Count);
            })
            .Where(e => e.Members > 0);
        return Ranking.Rank(entries, e => e.Points, e => e.Name);
    }

    private static long PointsFor(UserScore score, LeaderboardPeriod period) => period switch
    {
        LeaderboardPeriod.Week => score.WeekPoints,
        LeaderboardPeriod.LastWeek => score.LastWeekPoints,
        _ => score.Points,
    };
}
