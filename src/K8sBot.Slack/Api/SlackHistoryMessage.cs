namespace K8sBot.Slack.Api;

/// <summary>One message of conversations.history, reduced to what recognising the bot's own posts needs.</summary>
internal sealed record SlackHistoryMessage(string Ts, string? BotId, string? User, IReadOnlyList<string> BlockIds);
