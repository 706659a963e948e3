namespace K8sBot.Slack;

/// <summary>Who the bot is in the workspace, from <c>auth.test</c>: used to ignore its own messages and strip its mention.</summary>
internal sealed record SlackIdentity(string TeamId, string BotUserId, string? BotId);
