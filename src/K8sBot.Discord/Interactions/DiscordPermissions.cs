using System.Globalization;

namespace K8sBot.Discord.Interactions;

internal static class DiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>Admin-only commands need MANAGE_GUILD (ADMINISTRATOR implies it).</summary>
    public static bool IsAdmin(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && (bits & (ManageGuild | Administrator)) != 0;
}
