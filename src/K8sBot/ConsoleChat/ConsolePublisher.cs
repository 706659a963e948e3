using K8sBot.Core.Messaging;

namespace K8sBot.ConsoleChat;

/// <summary>Proactive posts (quiz questions, daily cards) printed to the terminal.</summary>
internal sealed class ConsolePublisher(ConsoleSession session) : IPlatformPublisher
{
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
}
