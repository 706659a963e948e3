namespace K8sBot.Core.Learning;

/// <summary>What FSRS knows about one person and one concept after their last review.</summary>
public sealed record MemoryState(double Stability, double Difficulty, DateTimeOffset LastReview, DateTimeOffset Due, int Reviews);
