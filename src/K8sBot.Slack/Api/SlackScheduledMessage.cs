namespace K8sBot.Slack.Api;

/// <summary>One entry of chat.scheduledMessages.list.</summary>
internal sealed record SlackScheduledMessage(string Id, string ChannelId, DateTimeOffset PostAt, string? Text);
