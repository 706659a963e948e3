namespace K8sBot.Core.Scoring;

/// <summary>A row of a board: a person (<see cref="Members"/> 1) or a team (its participating members).</summary>
public sealed record LeaderboardEntry(string Key, string Name, double Points, int Members);
