using System.Text.Json.Nodes;
using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Configuration;
using K8sBot.Discord.Gateway;
using K8sBot.Discord.Interactions;
using K8sBot.Discord.Rendering;
using K8sBot.Discord.Rest;
using K8sBot.Discord.Timing;
using Microsoft.Extensions.Options;

namespace K8sBot.Discord.Messages;

/// <summary>
/// With <c>Discord:ReadMessages</c> on: a message that mentions the bot, or any DM, is a question;
/// the answer is a reply to it. Other bots (and the bot itself) are ignored.
/// </summary>
internal sealed class MentionHandler(IChatCore core, DiscordRestClient rest, DiscordRenderer renderer, DiscordIdentity identity, IOptions<DiscordOptions> options, Pacer pacer)
{
    public async Task HandleAsync(JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var incoming = Translate(message, identity.BotUserId, pacer.Now);
        if (!options.Value.ReadMessages || incoming is null)
        {
            return;
        }

        var replies = await core.HandleAsync(incoming, cancellationToken);
        var channel = incoming.Where.ThreadId ?? incoming.Where.ChannelId;
        foreach (var reply in replies)
        {
            var body = renderer.Render(reply).Body;
            body["message_reference"] = new JsonObject { ["message_id"] = message["id"]?.GetValue<string>(), ["fail_if_not_exists"] = false };
            await rest.SendAsync(HttpMethod.Post, $"/channels/{channel}/messages", body, cancellationToken);
        }
    }

    public static IncomingMessage? Translate(JsonObject message, string? botUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var author = message["author"] as JsonObject;
        if (author is null || author["bot"] is JsonValue b && b.TryGetValue<bool>(out var isBot) && isBot || botUserId is null)
        {
            return null;
        }

        var guild = message["guild_id"]?.GetValue<string>();
        var mentioned = (message["mentions"] as JsonArray)?.OfType<JsonObject>().Any(m => m["id"]?.GetValue<string>() == botUserId) ?? false;
        if (guild is not null && !mentioned)
        {
            return null;
        }

        var text = (message["content"]?.GetValue<string>() ?? string.Empty)
            .Replace($"<@{botUserId}>", string.Empty, StringComparison.Ordinal)
            .Replace($"<@!{botUserId}>", string.Empty, StringComparison.Ordinal)
            .Trim();
        if (text.Length == 0)
        {
            text = "help";
        }

        var id = author["id"]?.GetValue<string>();
        var channel = message["channel_id"]?.GetValue<string>();
        if (id is null || channel is null)
        {
            return null;
        }

        var name = message["member"]?["nick"]?.GetValue<string>() ?? author["global_name"]?.GetValue<string>() ?? author["username"]?.GetValue<string>() ?? id;
        var where = new ConversationAddress(Platform.Discord, guild ?? InteractionTranslator.DirectTenant, channel);
        return IncomingMessage.FromText(where, new ChatUser(id, name), text, now) with { IsDirect = guild is null };
    }
}
