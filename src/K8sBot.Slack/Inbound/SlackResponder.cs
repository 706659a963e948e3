using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Api;
using K8sBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace K8sBot.Slack.Inbound;

/// <summary>
/// Delivers the core's replies to where the message came from: slash commands through their
/// <c>response_url</c> (ephemeral or in_channel), mentions in the mention's thread, DMs in the DM,
/// buttons by replacing the original or ephemerally. Private replies are ephemeral everywhere.
/// </summary>
internal sealed partial class SlackResponder(SlackApiClient api, BlockKitRenderer renderer, ILogger<SlackResponder> logger)
{
    public async Task DeliverAsync(SlackReplyTarget target, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            try
            {
                await DeliverAsync(target, reply, cancellationToken);
            }
            catch (SlackApiException ex)
            {
                // Already logged by the client with the error code; the next reply may still go through.
                LogDeliveryFailed(logger, target.Source, ex.Error);
            }
        }
    }

    private async Task DeliverAsync(SlackReplyTarget target, Reply reply, CancellationToken cancellationToken)
    {
        var message = renderer.Render(reply).ToJson();
        var isPrivate = reply.Visibility == ReplyVisibility.Private && target.Source != SlackSource.DirectMessage;
        if (target.ResponseUrl is { } url && (target.Source == SlackSource.SlashCommand || isPrivate || reply.ReplacesOriginal))
        {
            message["response_type"] = isPrivate ? "ephemeral" : "in_channel";
            message["replace_original"] = reply.ReplacesOriginal && target.Source == SlackSource.Button;
            try
            {
                await api.PostToResponseUrlAsync(url, message, cancellationToken);
                return;
            }
            catch (SlackApiException ex) when (ex.Error is "expired_url" or "used_url" or "http_404" or "http_410")
            {
                // response_url allows five posts in 30 minutes; past that, fall back to the Web API.
                message.Remove("response_type");
                message.Remove("replace_original");
            }
        }

        if (reply.ReplacesOriginal && target.MessageTs is { } ts && !isPrivate)
        {
            await api.UpdateMessageAsync(target.ChannelId, ts, message, cancellationToken);
        }
        else if (isPrivate)
        {
            await api.PostEphemeralAsync(target.ChannelId, target.UserId, message, target.ThreadTs, cancellationToken);
        }
        else
        {
            await api.PostMessageAsync(target.ChannelId, message, target.ThreadTs, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver a reply to a Slack {Source}: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, SlackSource source, string error);
}
