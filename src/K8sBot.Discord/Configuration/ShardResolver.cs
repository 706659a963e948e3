using System.Globalization;

namespace K8sBot.Discord.Configuration;

/// <summary>Turns <c>Discord:ShardId</c> into a number; <c>auto</c> reads the StatefulSet ordinal.</summary>
internal static class ShardResolver
{
    public static int? Resolve(string? shardId, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(shardId))
        {
            return 0;
        }

        if (!string.Equals(shardId.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(shardId, NumberStyles.None, CultureInfo.InvariantCulture, out var fixedId) ? fixedId : null;
        }

        // Kubernetes 1.28+ can expose the ordinal directly (pod-index label via the downward API).
        if (int.TryParse(environment("POD_INDEX"), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        var host = environment("HOSTNAME");
        var dash = host?.LastIndexOf('-') ?? -1;
        return dash >= 0 && int.TryParse(host![(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) ? ordinal : null;
    }
}
