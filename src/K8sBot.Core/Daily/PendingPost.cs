namespace K8sBot.Core.Daily;

/// <summary>
/// Written before a post and updated after it. A record still <see cref="PendingState.Pending"/>
/// after a crash is first checked with the platform (was the post with this <see cref="Key"/> seen?)
/// and only re-posted when the platform says it was not, or cannot tell; a re-post reuses the key,
/// which Discord uses to drop a duplicate within its nonce window.
/// </summary>
internal sealed class PendingPost
{
    public DailyPostKind Kind { get; set; }

    public string LocalDate { get; set; } = string.Empty;

    /// <summary>The concept of a card post; null for a digest.</summary>
    public string? ConceptId { get; set; }

    public string Key { get; set; } = string.Empty;

    public PendingState State { get; set; }

    /// <summary>When the current attempt's delivery ticket was issued (stored before the platform is called).</summary>
    public DateTime? IssuedAtUtc { get; set; }

    /// <summary>The instant the platform delivers the post when it schedules it (Slack); null for an immediate post.</summary>
    public DateTime? PostAtUtc { get; set; }

    /// <summary>The delivery instant of the channel's previous tracked post, which this one must follow.</summary>
    public DateTime? FollowsUtc { get; set; }
}
