using K8sBot.Core.Messaging;
using K8sBot.Discord.Configuration;

namespace K8sBot.Discord.Publishing;

/// <summary>Proactive work for a guild runs only in the shard that owns it.</summary>
internal sealed class DiscordTenantFilter(ShardInfo shard) : ITenantFilter
{
    public Platform Platform => Platform.Discord;

    public bool Owns(string tenantId) => shard.Owns(tenantId);
}
