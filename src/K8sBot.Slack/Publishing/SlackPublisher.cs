using System.Collections.Concurrent;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Api;
using K8sBot.Slack.Rendering;

namespace K8sBot.Slack.Publishing;

/// <summary>
/// Proactive posts (daily cards, quiz rounds): chat.postMessage (in a thread when the address has one),
/// chat.update, and threads as the root message's ts. Slack errors become <see cref="PublishException"/>s
/// the core can act on (a gone channel is not retried). Slack has no nonce, so idempotency keys are
/// remembered here for a while to drop a repeated post of the same logical message.
/// </summary>
internal sealed class SlackPublisher(SlackApiClient api, BlockKitRenderer renderer, SlackRuntime runtime, TimeProvider time) : IPlatformPublisher
{
    private static readonly TimeSpan KeyTtl = TimeSpan.FromMinutes(30);
    private const int MaxKeys = 5_000;

    private readonly ConcurrentDictionary<string, (PostedMessage Posted, DateTimeOffset At)> _posted = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Slack;

    public async Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(reply);
        EnsureRunning();
        var key = idempotencyKey is null ? null : $"{where.ChannelKey}:{where.ThreadId}:{idempotencyKey}";
        if (key is not null && _posted.TryGetValue(key, out var earlier) && time.GetUtcNow() - earlier.At < KeyTtl)
        {
            return earlier.Posted;
        }

        var ts = await Map(() => api.PostMessageAsync(where.ChannelId, renderer.Render(reply).ToJson(), where.ThreadId, cancellationToken));
        var posted = new PostedMessage(where, ts);
        if (key is not null)
        {
            if (_posted.Count >= MaxKeys)
            {
                _posted.Clear();
            }

            _posted[key] = (posted, time.GetUtcNow());
        }

        return posted;
    }

    public async Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reply);
        EnsureRunning();
        await Map(async () =>
        {
            await api.UpdateMessageAsync(message.Where.ChannelId, message.MessageId, renderer.Render(reply).ToJson(), cancellationToken);
            return message.MessageId;
        });
    }

    /// <summary>A Slack thread is just replies with thread_ts = the root's ts; nothing to create.</summary>
    public Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Task.FromResult(root.Where with { ThreadId = root.Where.ThreadId ?? root.MessageId });
    }

    private void EnsureRunning()
    {
        if (runtime.StopReason is { } reason)
        {
            throw new PublishException(PublishFailure.NotConnected, $"The Slack adapter is stopped: {reason}");
        }
    }

    private static async Task<string> Map(Func<Task<string>> call)
    {
        try
        {
            return await call();
        }
        catch (SlackApiException ex)
        {
            throw new PublishException(SlackErrors.ToFailure(ex.Error), $"Slack {ex.Method} failed: {ex.Error}", ex);
        }
    }
}
