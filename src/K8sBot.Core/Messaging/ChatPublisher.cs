namespace K8sBot.Core.Messaging;

/// <summary>Routes proactive messages to the adapter of the conversation's platform.</summary>
public sealed class ChatPublisher(IEnumerable<IPlatformPublisher> publishers) : IChatPublisher, ITrackedPublisher
{
    private readonly Dictionary<Platform, IPlatformPublisher> _byPlatform = publishers.ToDictionary(p => p.Platform);

    public Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken) =>
        For(where.Platform).PostAsync(where, reply, idempotencyKey, cancellationToken);

    public Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) =>
        For(message.Where.Platform).UpdateAsync(message, reply, cancellationToken);

    public Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken) =>
        For(root.Where.Platform).OpenThreadAsync(root, name, cancellationToken);

    public DeliveryTicket Issue(ConversationAddress where, string key, DateTimeOffset now, DateTimeOffset? after)
    {
        ArgumentNullException.ThrowIfNull(where);
        return _byPlatform.GetValueOrDefault(where.Platform) is ITrackedPublisher tracked ? tracked.Issue(where, key, now, after) : new DeliveryTicket(key, now);
    }

    public Task PostTrackedAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(ticket);
        var publisher = For(where.Platform);
        return publisher is ITrackedPublisher tracked
            ? tracked.PostTrackedAsync(where, reply, ticket, cancellationToken)
            : publisher.PostAsync(where, reply, ticket.Key, cancellationToken);
    }

    public Task<DeliveryState> CheckAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        return For(where.Platform) is ITrackedPublisher tracked
            ? tracked.CheckAsync(where, reply, ticket, cancellationToken)
            : Task.FromResult(DeliveryState.Unknown);
    }

    private IPlatformPublisher For(Platform platform) =>
        _byPlatform.TryGetValue(platform, out var publisher)
            ? publisher
            : throw new PublishException(PublishFailure.NotConnected, $"No {platform} adapter is running.");
}
