using K8sBot.Core.Messaging;

namespace K8sBot.Tests.Shared.Daily;

/// <summary>
/// The real composite publisher with a crash injected around the platform call: <see cref="Crash.Before"/>
/// dies before the request leaves, <see cref="Crash.After"/> after the platform accepted it but before
/// the caller could record that.
/// </summary>
internal sealed class CrashingPublisher(ChatPublisher inner, CrashingPublisher.Crash crash) : IChatPublisher, ITrackedPublisher
{
    public enum Crash
    {
        Never,
        Before,
        After,
    }

    public Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken) =>
        inner.PostAsync(where, reply, idempotencyKey, cancellationToken);

    public Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) => inner.UpdateAsync(message, reply, cancellationToken);

    public Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken) => inner.OpenThreadAsync(root, name, cancellationToken);

    public DeliveryTicket Issue(ConversationAddress where, string key, DateTimeOffset now, DateTimeOffset? after) => inner.Issue(where, key, now, after);

    public async Task PostTrackedAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        if (crash == Crash.Before)
        {
            throw new SimulatedCrashException();
        }

        await inner.PostTrackedAsync(where, reply, ticket, cancellationToken);
        if (crash == Crash.After)
        {
            throw new SimulatedCrashException();
        }
    }

    public Task<DeliveryState> CheckAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken) =>
        inner.CheckAsync(where, reply, ticket, cancellationToken);
}
