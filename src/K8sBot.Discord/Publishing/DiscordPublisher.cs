using System.Globalization;
using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Rendering;
using K8sBot.Discord.Rest;
using K8sBot.Discord.Status;
using Microsoft.Extensions.Logging;

namespace K8sBot.Discord.Publishing;

/// <summary>
/// Proactive posts (daily cards, competition rounds): create with a nonce so a retried post is
/// never duplicated, edit in place, and open a thread from a message. Tracked posts also carry
/// their key in a button's custom_id (<see cref="DeliveryMarker"/>), because Discord forgets nonces
/// after a few minutes: a later check reads the channel's messages since the ticket was issued.
/// </summary>
internal sealed partial class DiscordPublisher(DiscordRestClient rest, DiscordRenderer renderer, DiscordStatus status, ILogger<DiscordPublisher> logger) : IPlatformPublisher, ITrackedPublisher
{
    private const int MaxNonce = 25;
    private const int MaxThreadName = 100;

    /// <summary>Messages per history page (Discord's maximum for GET /channels/{id}/messages).</summary>
    internal const int HistoryPage = 50;

    /// <summary>Pages read before giving up with <see cref="DeliveryState.Unknown"/>: a busy channel is not read without bound.</summary>
    internal const int HistoryPages = 4;

    private const long DiscordEpochMs = 1_420_070_400_000;

    /// <summary>How far before the ticket the search starts, for clock skew between us and Discord.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public Platform Platform => Platform.Discord;

    public async Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(reply);
        var body = renderer.Render(reply).Body;
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            body["nonce"] = Nonce(idempotencyKey);
            body["enforce_nonce"] = true;
        }

        var created = await CallAsync(HttpMethod.Post, $"/channels/{where.ThreadId ?? where.ChannelId}/messages", body, cancellationToken);
        var id = created?["id"]?.GetValue<string>() ?? throw new PublishException(PublishFailure.Transient, "Discord returned no message id.");
        return new PostedMessage(where, id);
    }

    public async Task UpdateAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reply);
        var where = message.Where;
        await CallAsync(HttpMethod.Patch, $"/channels/{where.ThreadId ?? where.ChannelId}/messages/{message.MessageId}", renderer.Render(reply).Body, cancellationToken);
    }

    public async Task<ConversationAddress> OpenThreadAsync(PostedMessage root, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(name);
        if (root.Where.ThreadId is not null)
        {
            return root.Where;
        }

        var body = new JsonObject { ["name"] = TextCutter.Truncate(string.IsNullOrWhiteSpace(name) ? "k8s" : name, MaxThreadName), ["auto_archive_duration"] = 1440 };
        var thread = await CallAsync(HttpMethod.Post, $"/channels/{root.Where.ChannelId}/messages/{root.MessageId}/threads", body, cancellationToken);
        var id = thread?["id"]?.GetValue<string>() ?? throw new PublishException(PublishFailure.Transient, "Discord returned no thread id.");
        return root.Where with { ThreadId = id };
    }

    public DeliveryTicket Issue(ConversationAddress where, string key, DateTimeOffset now, DateTimeOffset? after) => new(Nonce(key), now);

    public async Task PostTrackedAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(ticket);
        var body = renderer.Render(reply).Body;
        DeliveryMarker.TryMark(body, ticket.Key);
        body["nonce"] = Nonce(ticket.Key);
        body["enforce_nonce"] = true;
        await CallAsync(HttpMethod.Post, $"/channels/{where.ThreadId ?? where.ChannelId}/messages", body, cancellationToken);
    }

    public async Task<DeliveryState> CheckAsync(ConversationAddress where, Reply reply, DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(ticket);
        if (!DeliveryMarker.TryMark(renderer.Render(reply).Body, ticket.Key))
        {
            return DeliveryState.Unknown; // No button to carry the key: nothing to recognise it by.
        }

        var channel = where.ThreadId ?? where.ChannelId;
        var after = SnowflakeAt(ticket.IssuedAt - ClockSkew);
        for (var page = 0; page < HistoryPages; page++)
        {
            JsonNode? messages;
            try
            {
                messages = await CallAsync(HttpMethod.Get, $"/channels/{channel}/messages?after={after.ToString(CultureInfo.InvariantCulture)}&limit={HistoryPage.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken);
            }
            catch (PublishException ex) when (ex.Failure == PublishFailure.Forbidden)
            {
                // Posting needs SEND_MESSAGES, reading needs READ_MESSAGE_HISTORY; without it, fall back to the nonce.
                LogNoHistory(logger, channel);
                return DeliveryState.Unknown;
            }

            if (messages is not JsonArray list)
            {
                return DeliveryState.Unknown;
            }

            if (list.OfType<JsonObject>().Any(m => ByBot(m) && DeliveryMarker.Carries(m, ticket.Key)))
            {
                return DeliveryState.Delivered;
            }

            if (list.Count < HistoryPage)
            {
                return DeliveryState.NotDelivered;
            }

            after = list.OfType<JsonObject>().Select(m => ulong.TryParse(m["id"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Max();
        }

        return DeliveryState.Unknown;
    }

    /// <summary>The smallest snowflake of an instant: messages created after it have larger ids.</summary>
    internal static ulong SnowflakeAt(DateTimeOffset at) => (ulong)Math.Max(0, at.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22;

    private static string Nonce(string key) => key.Length <= MaxNonce ? key : key[..MaxNonce];

    // Only bots post components, but a webhook can impersonate any name: require a bot author.
    private static bool ByBot(JsonObject message) =>
        message["author"]?["bot"]?.GetValue<bool>() == true && message["webhook_id"] is null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read channel {Channel}'s history (grant READ_MESSAGE_HISTORY); an interrupted daily post is re-sent with its nonce instead of being checked")]
    private static partial void LogNoHistory(ILogger logger, string channel);

    private async Task<JsonNode?> CallAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        if (status.IsStopped)
        {
            throw new PublishException(PublishFailure.NotConnected, "The Discord adapter is stopped: " + status.Reason);
        }

        try
        {
            return await rest.SendAsync(method, path, body, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            var failure = ex.Status switch
            {
                403 => PublishFailure.Forbidden,
                404 => PublishFailure.ChannelGone,
                400 => PublishFailure.Rejected,
                401 => PublishFailure.NotConnected,
                _ => PublishFailure.Transient,
            };
            throw new PublishException(failure, ex.Message, ex);
        }
    }
}
