using K8sBot.Discord.Rest;

namespace K8sBot.Discord.Interactions;

internal static class CommandRegistrar
{
    /// <summary>Bulk overwrite: idempotent, replaces every command of the app (globally or in one guild).</summary>
    public static Task RegisterAsync(DiscordRestClient rest, string applicationId, string? guildId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var path = guildId is null ? $"/applications/{applicationId}/commands" : $"/applications/{applicationId}/guilds/{guildId}/commands";
        return rest.SendAsync(HttpMethod.Put, path, CommandRegistration.Build(), cancellationToken);
    }
}
