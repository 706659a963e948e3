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
}
