namespace K8sBot.Core.Messaging;

/// <summary>
/// Proactive messages (daily cards, quiz rounds), not tied to an incoming message.
/// The host registers one composite publisher that routes by <see cref="Platform"/>.
/// Failures are reported as <see cref="PublishException"/>.
/// </summary>
public interface IChatPublisher
{
    /// <summary>
    /// Posts a public reply. <paramref name="idempotencyKey"/> (≤ 25 chars) lets the platform drop a
    /// duplicate post of the same logical message (Discord nonce with enforce_nonce).
    /// </summary>
    Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken);

    Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken);

    /// <summary>
    /// A thread under <paramref name="root"/> where the platform has threads (Slack thread, Discord
    /// thread from a message); otherwise the root's own channel.
    /// </summary>
    Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken);
}
