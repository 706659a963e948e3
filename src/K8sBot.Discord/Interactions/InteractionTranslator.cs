using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Rendering;

namespace K8sBot.Discord.Interactions;

/// <summary>Turns an interaction (gateway or HTTP) into the core's neutral <see cref="IncomingMessage"/>.</summary>
internal static class InteractionTranslator
{
    /// <summary>Tenant id for DMs, which have no guild.</summary>
    public const string DirectTenant = "@me";

    private static readonly HashSet<int> ThreadTypes = [10, 11, 12];

    public static IncomingMessage? Translate(JsonObject interaction, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var type = interaction["type"]?.GetValue<int>() ?? 0;
        var data = interaction["data"] as JsonObject ?? [];
        var where = Address(interaction);
        var user = User(interaction);
        if (where is null || user is null)
        {
            return null;
        }

        var direct = interaction["guild_id"] is null;
        switch (type)
        {
            case InteractionTypes.ApplicationCommand:
                var text = SlashCommandText.From(data);
                return text is null ? null : IncomingMessage.FromText(where, user, text, now) with { IsDirect = direct };
            case InteractionTypes.MessageComponent:
                var press = DiscordRenderer.ParseCustomId(data["custom_id"]?.GetValue<string>(), interaction["message"]?["id"]?.GetValue<string>());
                return press is null ? null : IncomingMessage.FromButton(where, user, press, now) with { IsDirect = direct };
            default:
                return null;
        }
    }

    public static ConversationAddress? Address(JsonObject interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var channelId = interaction["channel_id"]?.GetValue<string>() ?? interaction["channel"]?["id"]?.GetValue<string>();
        if (channelId is null)
        {
            return null;
        }

        var tenant = interaction["guild_id"]?.GetValue<string>() ?? DirectTenant;
        var channel = interaction["channel"] as JsonObject;
        if (channel?["type"]?.GetValue<int>() is { } channelType && ThreadTypes.Contains(channelType) && channel["parent_id"]?.GetValue<string>() is { } parent)
        {
            return new ConversationAddress(Platform.Discord, tenant, parent, channelId);
        }

        return new ConversationAddress(Platform.Discord, tenant, channelId);
    }

    public static ChatUser? User(JsonObject interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var member = interaction["member"] as JsonObject;
        var user = member?["user"] as JsonObject ?? interaction["user"] as JsonObject;
        var id = user?["id"]?.GetValue<string>();
        if (id is null)
        {
            return null;
        }

        var name = member?["nick"]?.GetValue<string>() ?? user!["global_name"]?.GetValue<string>() ?? user!["username"]?.GetValue<string>() ?? id;
        var isAdmin = DiscordPermissions.IsAdmin(member?["permissions"]?.GetValue<string>());
        return new ChatUser(id, name, interaction["locale"]?.GetValue<string>(), isAdmin);
    }
}
