using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;

namespace K8sBot.ConsoleChat;

/// <summary>
/// Proactive posts (quiz questions, daily cards) printed to the terminal. Tracked posts (daily cards)
/// are written to a <see cref="DeliveredJournal"/> next to the database before they are printed, so
/// after a crash the daily poster learns they were shown and never prints them twice.
/// </summary>
internal sealed class ConsolePublisher(ConsoleSession session, BotDatabase database) : IPlatformPublisher, ITrackedPublisher
{
    private readonly DeliveredJournal _journal = new(database.FilePath + ".delivered");

    public Platform Platform => Platform.Console;

    public Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        var id = session.Show(reply, where.ThreadId is null ? "#" + where.ChannelId : "thread");
        return Task.FromResult(new PostedMessage(where, id));
    }

    public Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        session.Show(reply, "edit #" + message.MessageId);
        return Task.CompletedTask;
    }

    public Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Task.FromResult(root.Where with { ThreadId = root.MessageId });
    }

    public DeliveryTicket Issue(ConversationAddress where, string key, DateTimeOffset now, DateTimeOffset? after) => new(key, now);

    public Task PostTrackedAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        _journal.Add(where.ChannelKey + " " + ticket.Key);
        return PostAsync(where, reply, ticket.Key, cancellationToken);
    }

    public Task<DeliveryState> CheckAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(ticket);
        return Task.FromResult(_journal.Contains(where.ChannelKey + " " + ticket.Key) ? DeliveryState.Delivered : DeliveryState.NotDelivered);
    }
}
