using System.Collections.Concurrent;
using System.Threading.Channels;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Tests.Daily;

/// <summary>
/// A platform stand-in that behaves like Discord with <c>enforce_nonce</c>: a second post with a
/// key it already accepted is dropped. <see cref="Before"/> and <see cref="After"/> inject failures
/// on the way in (not accepted) or out (accepted, the caller never heard).
/// </summary>
internal sealed class RecordingPublisher : IChatPublisher
{
    private readonly ConcurrentDictionary<string, PostedMessage> _byKey = new(StringComparer.Ordinal);
    private int _id;

    public ConcurrentQueue<(ConversationAddress Where, Reply Reply, string? Key)> Visible { get; } = new();

    public ConcurrentQueue<string?> Attempts { get; } = new();

    public Channel<Reply> Posted { get; } = Channel.CreateUnbounded<Reply>();

    /// <summary>Thrown before the platform accepts the next post, then cleared.</summary>
    public Queue<Exception> Before { get; } = new();

    /// <summary>Thrown after the platform accepted the next post, then cleared.</summary>
    public Queue<Exception> After { get; } = new();

    public Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(idempotencyKey);
        lock (Before)
        {
            if (Before.TryDequeue(out var early))
            {
                throw early;
            }
        }

        if (idempotencyKey is not null && _byKey.TryGetValue(idempotencyKey, out var existing))
        {
            return Task.FromResult(existing);
        }

        var message = new PostedMessage(where, $"m{Interlocked.Increment(ref _id)}");
        if (idempotencyKey is not null)
        {
            _byKey[idempotencyKey] = message;
        }

        Visible.Enqueue((where, reply, idempotencyKey));
        Posted.Writer.TryWrite(reply);
        lock (After)
        {
            if (After.TryDequeue(out var late))
            {
                throw late;
            }
        }

        return Task.FromResult(message);
    }

    public Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken) => Task.FromResult(root.Where);
}
