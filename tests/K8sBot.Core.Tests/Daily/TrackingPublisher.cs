using System.Collections.Concurrent;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Tests.Daily;

/// <summary>
/// A platform that can be asked about earlier posts (<see cref="ITrackedPublisher"/>): posting goes to
/// the wrapped <see cref="RecordingPublisher"/>, and each check answers the next of <see cref="Answers"/>
/// (or throws it). Tickets get a post_at <see cref="Lead"/> ahead when set, like Slack's schedule.
/// </summary>
internal sealed class TrackingPublisher(RecordingPublisher platform) : IChatPublisher, ITrackedPublisher
{
    public ConcurrentQueue<object> Answers { get; } = new();

    public ConcurrentQueue<(string Key, DateTimeOffset Now, DateTimeOffset? After, DeliveryTicket Ticket)> Issued { get; } = new();

    public ConcurrentQueue<DeliveryTicket> Checked { get; } = new();

    public TimeSpan? Lead { get; init; }

    public Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken) =>
        platform.PostAsync(where, reply, idempotencyKey, cancellationToken);

    public Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) => platform.UpdateAsync(message, reply, cancellationToken);

    public Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken) => platform.OpenThreadAsync(root, name, cancellationToken);

    public DeliveryTicket Issue(ConversationAddress where, string key, DateTimeOffset now, DateTimeOffset? after)
    {
        var ticket = new DeliveryTicket(key, now, Lead is { } lead ? (after is { } a && a >= now + lead ? a : now) + lead : null);
        Issued.Enqueue((key, now, after, ticket));
        return ticket;
    }

    public Task PostTrackedAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken) =>
        platform.PostAsync(where, reply, ticket.Key, cancellationToken);

    public Task<DeliveryState> CheckAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        Checked.Enqueue(ticket);
        if (!Answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException("No check answer scripted.");
        }

        return answer is Exception ex ? Task.FromException<DeliveryState>(ex) : Task.FromResult((DeliveryState)answer);
    }
}
