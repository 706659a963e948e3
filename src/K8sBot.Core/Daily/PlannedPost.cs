namespace K8sBot.Core.Daily;

/// <summary>One post of a plan: the local date, the instant, the concept and the curriculum cycle.</summary>
public sealed record PlannedPost(DateOnly Date, DateTimeOffset At, string Concept, int Cycle);
