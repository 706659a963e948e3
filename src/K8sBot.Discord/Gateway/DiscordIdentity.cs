namespace K8sBot.Discord.Gateway;

/// <summary>Who the bot is, learnt from READY (or configured): needed for webhooks and mentions.</summary>
internal sealed class DiscordIdentity
{
    public string? BotUserId { get; set; }

    public string? ApplicationId { get; set; }
}
