namespace K8sBot.Core.Scoring;

public sealed record Ranked<T>(int Rank, T Item);
