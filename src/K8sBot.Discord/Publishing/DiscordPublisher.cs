using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Rendering;
using K8sBot.Discord.Rest;
using K8sBot.Discord.Status;

namespace K8sBot.Discord.Publishing;

/// <summary>
/// Proactive posts (daily cards, competition rounds): create with a nonce so a retried post is
/// never duplicated, edit in place, and open a thread from a message.
/// </summary>
internal sealed class DiscordPublisher(DiscordRestClient rest, DiscordRenderer renderer, DiscordStatus status) : IPlatformPublisher
{
    private const int MaxNonce = 25;
    private const int MaxThreadName = 100;

    public Platform Platform => Platform.Discord;

    public async Task<PostedMessage> PostAsync(ConversationAddress where, Reply reply, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(reply);
        var body = renderer.Render(reply).Body;
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            body["nonce"] = idempotencyKey.Length <= MaxNonce ? idempotencyKey : idempotencyKey[..MaxNonce];
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

    private async Task<JsonNode?> CallAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
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
