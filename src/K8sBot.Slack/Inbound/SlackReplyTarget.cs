namespace K8sBot.Slack.Inbound;

/// <summary>
/// Where replies to one incoming Slack message go. <see cref="ThreadTs"/> is the thread to answer in
/// (a mention's thread_ts or its own ts); <see cref="ResponseUrl"/> comes with slash commands and buttons.
/// </summary>
internal sealed record SlackReplyTarget(SlackSource Source, string TeamId, string ChannelId, string UserId)
{
    public string? ThreadTs { get; init; }

    public Uri? ResponseUrl { get; init; }

    /// <summary>The message a pressed button was on.</summary>
    public string? MessageTs { get; init; }
}
