using Microsoft.Extensions.Options;

namespace K8sBot.Discord.Configuration;

/// <summary>This process's shard; guild events and proactive work are routed by it.</summary>
internal sealed record ShardInfo(int Id, int Count)
{
    public static ShardInfo From(IOptions<DiscordOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var id = ShardResolver.Resolve(value.ShardId, Environment.GetEnvironmentVariable)
            ?? throw new OptionsValidationException(DiscordOptions.Section, typeof(DiscordOptions), ["Discord:ShardId is 'auto' but neither POD_INDEX nor a HOSTNAME ending in -N is set."]);
        return new ShardInfo(id, value.ShardCount);
    }

    /// <summary>Discord's rule: <c>(guild_id &gt;&gt; 22) % shard_count</c>. DMs belong to shard 0.</summary>
    public bool Owns(string guildId) =>
        ulong.TryParse(guildId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? (int)((id >> 22) % (ulong)Count) == Id
            : Id == 0;
}
