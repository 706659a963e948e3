namespace K8sBot.Core.Messaging;

/// <summary>
/// Optional capability of a publisher: posts that can be recognised later, so a caller that crashed
/// between "posted" and "recorded" can ask the platform instead of posting again. The composite
/// <see cref="ChatPublisher"/> always offers it and falls back to a plain keyed post and
/// <see cref="DeliveryState.Unknown"/> for platforms that do not implement it.
/// </summary>
public interface ITrackedPublisher
{
    /// <summary>
    /// A ticket for a new attempt of the post <paramref name="key"/>, to be stored before
    /// <see cref="PostTrackedAsync"/>. <paramref name="after"/> is the delivery instant of the previous
    /// tracked post in the same conversation, which this one must follow.
    /// </summary>
    DeliveryTicket Issue(ConversationAddress where, string key, DateTimeOffset now, DateTimeOffset? after);

    /// <summary>Posts (or hands to the platform for delivery at <see cref="DeliveryTicket.PostAt"/>) in a way <see cref="CheckAsync"/> recognises.</summary>
    Task PostTrackedAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken);

    /// <summary>Whether an earlier <see cref="PostTrackedAsync"/> with <paramref name="ticket"/> reached the platform; failures are <see cref="PublishException"/>s.</summary>
    Task<DeliveryState> CheckAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken);
}
