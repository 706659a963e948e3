namespace K8sBot.Core.Quiz;

public sealed record TeamMembership(string UserId, string TeamKey, string TeamName);
