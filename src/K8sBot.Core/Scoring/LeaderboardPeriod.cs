namespace K8sBot.Core.Scoring;

public enum LeaderboardPeriod
{
    Week,
    LastWeek,
    All,
}
