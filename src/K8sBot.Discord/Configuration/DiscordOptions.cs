using System.ComponentModel.DataAnnotations;

namespace K8sBot.Discord.Configuration;

/// <summary>The <c>Discord</c> configuration section. Validated at start; the adapter runs only when <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>Bot token. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Optional: taken from READY when absent.</summary>
    [RegularExpression(@"^\d{1,20}$")]
    public string? ApplicationId { get; set; }

    /// <summary>Hex Ed25519 key of the application; enables <c>POST /discord/interactions</c>.</summary>
    [RegularExpression("^[0-9a-fA-F]{64}$")]
    public string? PublicKey { get; set; }

    /// <summary>Register commands in this guild only (instant updates while developing).</summary>
    [RegularExpression(@"^\d{1,20}$")]
    public string? GuildId { get; set; }

    /// <summary>A number, or <c>auto</c> for the StatefulSet ordinal (POD_INDEX or the HOSTNAME suffix).</summary>
    [Required]
    [RegularExpression(@"^(auto|\d{1,5})$")]
    public string ShardId { get; set; } = "0";

    [Range(1, 65535)]
    public int ShardCount { get; set; } = 1;

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Reads @mentions and DMs as questions (needs the privileged MESSAGE_CONTENT intent).</summary>
    public bool ReadMessages { get; set; }

    /// <summary>How long the core may take before an interaction is deferred; Discord's deadline is 3 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:02.500")]
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);
}
