namespace K8sBot.Core.Messaging;

public enum ReplyVisibility
{
    /// <summary>Everyone in the conversation sees it.</summary>
    Public,

    /// <summary>Only the person who acted sees it (ephemeral on Discord and Slack, a DM elsewhere).</summary>
    Private,
}
