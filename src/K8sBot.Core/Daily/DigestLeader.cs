namespace K8sBot.Core.Daily;

/// <summary>One leaderboard line. <see cref="DisplayName"/> is user text and is escaped when shown.</summary>
public sealed record DigestLeader(string UserId, string DisplayName, int Points);
