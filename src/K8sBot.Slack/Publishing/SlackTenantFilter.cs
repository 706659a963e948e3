using System.Globalization;
using System.Text.RegularExpressions;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Configuration;

namespace K8sBot.Slack.Publishing;

/// <summary>
/// Slack workspaces are owned by shard 0 only, so when the bot runs as several pods (sharded for
/// Discord) exactly one of them posts Slack daily cards and runs Slack competitions. The shard comes
/// from <c>Discord:ShardId</c>: a number, or <c>auto</c> for the StatefulSet pod ordinal
/// (<c>POD_INDEX</c>, else the <c>-N</c> suffix of <c>HOSTNAME</c>).
/// </summary>
internal sealed partial class SlackTenantFilter(IConfiguration configuration) : ITenantFilter
{
    private readonly int _shard = ResolveShard(configuration);

    public Platform Platform => Platform.Slack;

    public bool Owns(string tenantId) => _shard == 0;

    public static int ResolveShard(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["Discord:ShardId"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }

        if (!string.Equals(value.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var shard) ? shard : 0;
        }

        if (int.TryParse(configuration["POD_INDEX"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        var ordinal = OrdinalPattern().Match(configuration["HOSTNAME"] ?? string.Empty);
        return ordinal.Success ? int.Parse(ordinal.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"-(\d+)$")]
    private static partial Regex OrdinalPattern();
}
