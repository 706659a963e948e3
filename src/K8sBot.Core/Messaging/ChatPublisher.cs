namespace K8sBot.Core.Messaging;

/// <summary>Routes proactive messages to the adapter of the conversation's platform.</summary>
public sealed class ChatPublisher(IEnumerable<IPlatformPublisher> publishers) : IChatPublisher
{
    private readonly Dictionary<Platform, IPlatformPublisher> _byPlatform = publishers.ToDictionary(p => p.Platform);

    public Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken) =>
        For(where.Platform).PostAsync(where, reply, idempotencyKey, cancellationToken);

    public Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) =>
        For(message.Where.Platform).UpdateAsync(message, reply, cancellationToken);

    public Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken) =>
        For(root.Where.Platform).OpenThreadAsync(root, name, cancellationToken);

    private IPlatformPublisher For(Platform platform) =>
        _byPlatform.TryGetValue(platform, out var publisher)
            ? publisher
            : throw new PublishException(PublishFailure.NotConnected, $"No {platform} adapter is running.");
}
