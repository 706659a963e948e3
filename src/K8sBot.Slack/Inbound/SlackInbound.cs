using System.Text.Json;
using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace K8sBot.Slack.Inbound;

/// <summary>
/// Translates what Slack delivers (Events API callbacks, slash commands, block_actions), whether it
/// came over Socket Mode or HTTP, into <see cref="IncomingMessage"/>s for the core. The Accept methods
/// are on the ack path: they only filter, dedupe and queue; the core runs later on a worker.
/// </summary>
internal sealed partial class SlackInbound(
    SlackRuntime runtime,
    SlackUserDirectory users,
    SlackResponder responder,
    IChatCore core,
    MoreStore more,
    DeliveryDeduper deduper,
    SlackWorkQueue queue,
    TimeProvider time,
    ILogger<SlackInbound> logger)
{
    private static readonly Reply ExpiredMore = Reply.Text("이 버튼은 더 이상 쓸 수 없어요. · This button no longer works.", ReplyKind.Warning, ReplyVisibility.Private);

    /// <summary>An Events API <c>event_callback</c>. Returns false when it was a duplicate or is ignored.</summary>
    public bool AcceptEventCallback(JsonElement payload)
    {
        if (Str(payload, "type") != "event_callback" || !payload.TryGetProperty("event", out var ev))
        {
            if (Str(payload, "type") == "app_rate_limited")
            {
                LogEventsRateLimited(logger, Str(payload, "team_id") ?? "?");
            }

            return false;
        }

        if (Str(payload, "event_id") is { } eventId && !deduper.FirstTime("event:" + eventId))
        {
            LogDuplicate(logger, eventId);
            return false;
        }

        var type = Str(ev, "type");
        var isDm = type == "message" && Str(ev, "channel_type") == "im";
        if ((type != "app_mention" && !isDm) || IsFromABot(ev))
        {
            return false;
        }

        var team = Str(payload, "team_id") ?? Str(ev, "team") ?? string.Empty;
        var channel = Str(ev, "channel");
        var user = Str(ev, "user");
        var ts = Str(ev, "ts");
        if (channel is null || user is null || ts is null)
        {
            return false;
        }

        var thread = isDm ? Str(ev, "thread_ts") : Str(ev, "thread_ts") ?? ts;
        var target = new SlackReplyTarget(isDm ? SlackSource.DirectMessage : SlackSource.Mention, team, channel, user) { ThreadTs = thread };
        var text = Str(ev, "text");
        var at = time.GetUtcNow();
        return Enqueue(async ct =>
        {
            var identity = await runtime.Identity;
            if (user == identity.BotUserId)
            {
                return;
            }

            var chatUser = await users.GetAsync(user, user, ct);
            var message = IncomingMessage.FromText(new ConversationAddress(Platform.Slack, team, channel, thread), chatUser, SlackText.FromSlack(text, identity.BotUserId), at) with { IsDirect = isDm };
            await responder.DeliverAsync(target, await core.HandleAsync(message, ct), ct);
        });
    }

    /// <summary>A slash command (<c>/k8s ...</c>); the text goes to the core as typed.</summary>
    public bool AcceptSlashCommand(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var team = fields.GetValueOrDefault("team_id") ?? string.Empty;
        var channel = fields.GetValueOrDefault("channel_id");
        var user = fields.GetValueOrDefault("user_id");
        if (channel is null || user is null)
        {
            return false;
        }

        var responseUrl = Uri.TryCreate(fields.GetValueOrDefault("response_url"), UriKind.Absolute, out var url) ? url : null;
        var target = new SlackReplyTarget(SlackSource.SlashCommand, team, channel, user) { ResponseUrl = responseUrl };
        var text = fields.GetValueOrDefault("text");
        var name = fields.GetValueOrDefault("user_name") ?? user;
        var at = time.GetUtcNow();
        return Enqueue(async ct =>
        {
            var identity = await runtime.Identity;
            var chatUser = await users.GetAsync(user, name, ct);
            var message = IncomingMessage.FromText(new ConversationAddress(Platform.Slack, team, channel), chatUser, SlackText.FromSlack(text, identity.BotUserId), at)
                with
            { IsDirect = channel.StartsWith('D') };
            await responder.DeliverAsync(target, await core.HandleAsync(message, ct), ct);
        });
    }

    /// <summary>An interactive payload; only button presses in <c>block_actions</c> are handled.</summary>
    public bool AcceptInteractive(JsonElement payload)
    {
        if (Str(payload, "type") != "block_actions"
            || !payload.TryGetProperty("actions", out var actions)
            || actions.ValueKind != JsonValueKind.Array
            || actions.GetArrayLength() == 0)
        {
            return false;
        }

        var action = actions[0];
        if (Str(action, "type") is { } actionType && actionType != "button")
        {
            return false;
        }

        var user = payload.TryGetProperty("user", out var u) ? Str(u, "id") : null;
        var container = payload.TryGetProperty("container", out var c) ? c : default;
        var channel = Str(container, "channel_id") ?? (payload.TryGetProperty("channel", out var ch) ? Str(ch, "id") : null);
        var message = payload.TryGetProperty("message", out var m) ? m : default;
        var messageTs = Str(container, "message_ts") ?? Str(message, "ts");
        var actionId = Str(action, "action_id");
        if (user is null || channel is null || actionId is null)
        {
            return false;
        }

        var team = (payload.TryGetProperty("team", out var t) ? Str(t, "id") : null) ?? Str(u, "team_id") ?? string.Empty;
        var thread = Str(message, "thread_ts") ?? Str(container, "thread_ts");
        var responseUrl = Uri.TryCreate(Str(payload, "response_url"), UriKind.Absolute, out var url) ? url : null;
        var target = new SlackReplyTarget(SlackSource.Button, team, channel, user) { ResponseUrl = responseUrl, MessageTs = messageTs, ThreadTs = thread };
        var value = Str(action, "value") ?? string.Empty;
        var name = Str(u, "name") ?? Str(u, "username") ?? user;
        var at = time.GetUtcNow();

        // Double clicks and retried deliveries of the same press carry the same action_ts.
        if (Str(action, "action_ts") is { } actionTs && !deduper.FirstTime($"action:{user}:{actionTs}"))
        {
            return false;
        }

        if (actionId == MoreStore.ActionId)
        {
            var rest = more.Find(value);
            return Enqueue(ct => responder.DeliverAsync(target, [rest is null ? ExpiredMore : rest.AsPrivate()], ct));
        }

        var press = new ButtonPress(BlockKitRenderer.OriginalActionId(actionId), value, messageTs);
        return Enqueue(async ct =>
        {
            var chatUser = await users.GetAsync(user, name, ct);
            var incoming = IncomingMessage.FromButton(new ConversationAddress(Platform.Slack, team, channel, thread), chatUser, press, at)
                with
            { IsDirect = channel.StartsWith('D') };
            await responder.DeliverAsync(target, await core.HandleAsync(incoming, ct), ct);
        });
    }

    /// <summary>Ignore other bots and ourselves (modern app posts carry bot_id without a subtype) and every subtype: edits, joins, bot_message.</summary>
    private static bool IsFromABot(JsonElement ev) =>
        ev.TryGetProperty("bot_id", out _) || ev.TryGetProperty("subtype", out _) || ev.TryGetProperty("bot_profile", out _);

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private bool Enqueue(Func<CancellationToken, Task> work)
    {
        if (queue.TryEnqueue(work))
        {
            return true;
        }

        LogQueueFull(logger, SlackWorkQueue.Capacity);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring a duplicate Slack delivery of event {EventId}")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack stopped delivering events for team {TeamId} for a while (app_rate_limited: over 30,000 events an hour)")]
    private static partial void LogEventsRateLimited(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Slack work queue is full ({Capacity} items); dropping an event")]
    private static partial void LogQueueFull(ILogger logger, int capacity);
}
