using System.ComponentModel.DataAnnotations;

namespace K8sBot.Core.Limits;

/// <summary>Bound from <c>Limits</c>: abuse limits that keep one person from flooding a channel.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Commands (and button presses) one user may send per window before the bot stops answering.</summary>
    [Range(1, 1000)]
    public int CommandsPerWindow { get; set; } = 8;

    [Range(1, 3600)]
    public int CommandWindowSeconds { get; set; } = 10;

    /// <summary>Pause after a competition ends before the same channel can start another.</summary>
    [Range(0, 86400)]
    public int MatchCooldownSeconds { get; set; } = 30;

    /// <summary>Most distinct teams one workspace may have.</summary>
    [Range(1, 1000)]
    public int MaxTeamsPerTenant { get; set; } = 20;
}
