namespace K8sBot.Core.Messaging;

/// <summary>What a platform says about an earlier post attempt (see <see cref="ITrackedPublisher"/>).</summary>
public enum DeliveryState
{
    /// <summary>The platform cannot tell (no way to recognise the post, or not allowed to look).</summary>
    Unknown,

    /// <summary>The post is visible, or the platform accepted it for delivery at its time.</summary>
    Delivered,

    /// <summary>The platform has no such post and will not show it later.</summary>
    NotDelivered,

    /// <summary>The delivery time has only just passed and the post is not visible yet; ask again shortly.</summary>
    Undecided,
}
