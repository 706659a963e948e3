namespace K8sBot.Core.Messaging;

public enum PublishFailure
{
    /// <summary>Worth retrying later (network, 5xx, rate limit that outlasted the caller).</summary>
    Transient,

    /// <summary>The channel is gone or the bot was removed (404, channel_not_found, not_in_channel).</summary>
    ChannelGone,

    /// <summary>The bot lacks permission to post there (403, missing access).</summary>
    Forbidden,

    /// <summary>The platform refused the content itself (400); retrying the same message will not help.</summary>
    Rejected,

    /// <summary>No adapter for this platform is running.</summary>
    NotConnected,
}
