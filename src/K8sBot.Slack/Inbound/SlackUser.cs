namespace K8sBot.Slack.Inbound;

/// <summary>What users.info tells the adapter about a person.</summary>
internal sealed record SlackUser(string Id, string DisplayName, string? Locale, bool IsWorkspaceAdmin);
