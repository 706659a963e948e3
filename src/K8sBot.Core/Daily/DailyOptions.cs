using System.ComponentModel.DataAnnotations;

namespace K8sBot.Core.Daily;

/// <summary>Bound from <c>Daily</c>.</summary>
public sealed class DailyOptions
{
    public const string Section = "Daily";

    [Range(1, 100_000)]
    public int MaxSubscriptionsPerTenant { get; set; } = 50;

    /// <summary>Posts in flight at once; the adapters' rate limiters pace each one.</summary>
    [Range(1, 64)]
    public int MaxConcurrentPosts { get; set; } = 4;

    /// <summary>Transient failures tolerated per channel per day before the day is given up.</summary>
    [Range(1, 20)]
    public int MaxAttemptsPerDay { get; set; } = 5;

    /// <summary>First retry delay; doubles per attempt.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 30;
}
