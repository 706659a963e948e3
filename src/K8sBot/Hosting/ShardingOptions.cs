using System.ComponentModel.DataAnnotations;

namespace K8sBot.Hosting;

/// <summary>Bound from <c>Sharding</c>: host-level choices for a multi-pod StatefulSet.</summary>
internal sealed class ShardingOptions
{
    public const string Section = "Sharding";

    /// <summary>The only pod ordinal that serves Slack; unset means every pod with credentials does.</summary>
    [Range(0, 1023)]
    public int? SlackPodIndex { get; set; }
}
