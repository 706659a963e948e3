using System.Globalization;

namespace K8sBot.Hosting;

/// <summary>
/// In a sharded StatefulSet every pod gets the same Secret, but a Slack app must be served by one
/// process only (Socket Mode would otherwise split events across pods and post twice). With
/// <c>Sharding:SlackPodIndex</c> set, pods with another ordinal blank their Slack credentials, so
/// the Slack adapter sees itself as unconfigured there. The ordinal comes from <c>POD_INDEX</c>
/// (the <c>apps.kubernetes.io/pod-index</c> label through the downward API), else from the pod
/// name's <c>-N</c> suffix in <c>HOSTNAME</c>.
/// </summary>
internal static class SlackShardGate
{
    public const string Key = ShardingOptions.Section + ":" + nameof(ShardingOptions.SlackPodIndex);

    private static readonly string[] SlackCredentials = ["Slack:BotToken", "Slack:AppToken", "Slack:SigningSecret"];

    public static void Apply(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!int.TryParse(configuration[Key], NumberStyles.None, CultureInfo.InvariantCulture, out var slackPod))
        {
            return;
        }

        var ordinal = PodOrdinal(configuration["POD_INDEX"], configuration["HOSTNAME"]);
        if (ordinal is { } mine && mine != slackPod)
        {
            configuration.AddInMemoryCollection(SlackCredentials.Select(k => new KeyValuePair<string, string?>(k, string.Empty)));
        }
    }

    internal static int? PodOrdinal(string? podIndex, string? hostName)
    {
        if (int.TryParse(podIndex, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        var dash = hostName?.LastIndexOf('-') ?? -1;
        return dash >= 0 && int.TryParse(hostName.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) ? suffix : null;
    }
}
