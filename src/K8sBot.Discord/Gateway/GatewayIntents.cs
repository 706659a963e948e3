namespace K8sBot.Discord.Gateway;

/// <summary>Only what the bot uses: GUILDS for commands and buttons; messages only when reading mentions.</summary>
internal static class GatewayIntents
{
    public const int Guilds = 1 << 0;
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;

    /// <summary>Privileged: must also be switched on in the Developer Portal.</summary>
    public const int MessageContent = 1 << 15;

    public static int For(bool readMessages) => readMessages ? Guilds | GuildMessages | DirectMessages | MessageContent : Guilds;
}
