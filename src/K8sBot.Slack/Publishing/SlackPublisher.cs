using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Api;
using K8sBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace K8sBot.Slack.Publishing;

/// <summary>
/// Proactive posts (daily cards, quiz rounds): chat.postMessage (in a thread when the address has one),
/// chat.update, and threads as the root message's ts. Slack errors become <see cref="PublishException"/>s
/// the core can act on (a gone channel is not retried). Slack has no nonce, so idempotency keys are
/// remembered here for a while to drop a repeated post of the same logical message.
/// Tracked posts (daily cards) go through chat.scheduleMessage at the ticket's post_at, which the
/// caller stored before the call, so after a crash <see cref="CheckAsync"/> finds the message either
/// still scheduled (chat.scheduledMessages.list) or posted (conversations.history, by a block_id marker).
/// </summary>
internal sealed partial class SlackPublisher(SlackApiClient api, BlockKitRenderer renderer, SlackRuntime runtime, TimeProvider time, ILogger<SlackPublisher> logger) : IPlatformPublisher, ITrackedPublisher
{
    /// <summary>
    /// Slack only schedules into the future: post_at is the next whole minute at least this far ahead,
    /// so a card appears 10–70 s after its due minute. A shorter lead risks time_in_past when the call
    /// is queued behind rate limits; a longer one only delays the card.
    /// </summary>
    internal static readonly TimeSpan ScheduleLead = TimeSpan.FromSeconds(10);

    /// <summary>After post_at, how long a message missing from both the schedule and history counts as "not visible yet".</summary>
    internal static readonly TimeSpan VisibleGrace = TimeSpan.FromSeconds(60);

    /// <summary>How far after post_at history is searched for the posted message.</summary>
    internal static readonly TimeSpan HistoryWindow = TimeSpan.FromMinutes(15);

    /// <summary>Prefix of the block_id that carries the idempotency key (block ids come back in conversations.history).</summary>
    internal const string MarkerPrefix = "k8sbot-once-";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _refused = new(StringComparer.Ordinal);

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

    public DeliveryTicket Issue(ConversationAddress where, string key, DateTimeOffset now, DateTimeOffset? after)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.ThreadId is not null)
        {
            return new DeliveryTicket(key, now); // Thread replies are posted directly and not tracked.
        }

        var earliest = now + ScheduleLead;
        if (after is { } previous && previous + TimeSpan.FromSeconds(1) > earliest)
        {
            // Two tracked posts in one channel never share a post_at, so post_at identifies one.
            earliest = previous + TimeSpan.FromSeconds(1);
        }

        return new DeliveryTicket(key, now, NextWholeMinute(earliest));
    }

    public async Task PostTrackedAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.PostAt is not { } postAt)
        {
            await PostAsync(where, reply, ticket.Key, cancellationToken);
            return;
        }

        EnsureRunning();
        var message = renderer.Render(reply).ToJson();
        if (message["blocks"] is JsonArray { Count: > 0 } blocks && blocks[0] is JsonObject first)
        {
            first["block_id"] = MarkerPrefix + ticket.Key;
        }

        try
        {
            await api.ScheduleMessageAsync(where.ChannelId, postAt, message, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            if (Definite(ex.Error))
            {
                // Slack answered and did not schedule it: a check can say so without asking.
                Remember(RefusedKey(where, ticket));
            }

            // A post_at that passed while the call waited (time_in_past) or a full 5-minute window
            // (restricted_too_many) is worth a new ticket later, not giving up the day.
            var failure = ex.Error is "time_in_past" or "restricted_too_many" ? PublishFailure.Transient : SlackErrors.ToFailure(ex.Error);
            throw new PublishException(failure, $"Slack {ex.Method} failed: {ex.Error}", ex);
        }
    }

    public async Task<DeliveryState> CheckAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.PostAt is not { } postAt || where.ThreadId is not null)
        {
            return DeliveryState.Unknown;
        }

        EnsureRunning();
        if (_refused.ContainsKey(RefusedKey(where, ticket)))
        {
            return DeliveryState.NotDelivered;
        }

        var channel = where.ChannelId;
        var scheduled = await Map(() => api.ListScheduledMessagesAsync(channel, ticket.IssuedAt - TimeSpan.FromMinutes(1), postAt + TimeSpan.FromMinutes(1), cancellationToken));
        if (scheduled.Any(m => m.ChannelId == channel && m.PostAt == postAt))
        {
            return DeliveryState.Delivered;
        }

        var now = time.GetUtcNow();
        if (now < postAt)
        {
            return DeliveryState.NotDelivered; // Not scheduled, and too early to have been posted.
        }

        (IReadOnlyList<SlackHistoryMessage> Messages, bool HasMore) history;
        try
        {
            history = await api.HistoryAsync(channel, postAt - TimeSpan.FromMinutes(1), postAt + HistoryWindow, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error is "missing_scope" or "not_in_channel")
        {
            LogNoHistory(logger, channel, ex.Error);
            return DeliveryState.Unknown;
        }
        catch (SlackApiException ex)
        {
            throw new PublishException(SlackErrors.ToFailure(ex.Error), $"Slack {ex.Method} failed: {ex.Error}", ex);
        }

        var botId = runtime.Identity.IsCompletedSuccessfully ? runtime.Identity.Result.BotId : null;
        var marker = MarkerPrefix + ticket.Key;
        if (history.Messages.Any(m => m.BlockIds.Contains(marker) && (botId is null ? m.BotId is not null : m.BotId == botId)))
        {
            return DeliveryState.Delivered;
        }

        return history.HasMore ? DeliveryState.Unknown
            : now < postAt + VisibleGrace ? DeliveryState.Undecided
            : DeliveryState.NotDelivered;
    }

    internal static DateTimeOffset NextWholeMinute(DateTimeOffset earliest)
    {
        var utc = earliest.ToUniversalTime();
        var floor = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
        return floor == utc ? floor : floor.AddMinutes(1);
    }

    // An ok:false answer is definite; a network error, 5xx or exhausted 429 says nothing about Slack's side.
    private static bool Definite(string error) => error is not ("network_error" or "ratelimited") && !error.StartsWith("http_", StringComparison.Ordinal);

    private static string RefusedKey(ConversationAddress where, DeliveryTicket ticket) => $"{where.ChannelKey}:{ticket.Key}:{ticket.PostAt?.ToUnixTimeSeconds()}";

    private void Remember(string key)
    {
        var now = time.GetUtcNow();
        if (_refused.Count >= MaxKeys)
        {
            foreach (var old in _refused.Where(kv => now - kv.Value > KeyTtl).Select(kv => kv.Key).ToList())
            {
                _refused.TryRemove(old, out _);
            }
        }

        _refused[key] = now;
    }

    private static async Task<T> Map<T>(Func<Task<T>> call)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read channel {Channel}'s history ({Error}: add channels:history/groups:history and invite the bot); an interrupted daily post cannot be confirmed")]
    private static partial void LogNoHistory(ILogger logger, string channel, string error);

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
