namespace K8sBot.Core.Messaging;

/// <summary>
/// Says whether this process owns a tenant of one platform (Discord: the shard that owns the guild;
/// Slack: shard 0). Proactive work (daily cards, competitions) runs only where it is owned, so
/// several pods never post the same card.
/// </summary>
public interface ITenantFilter
{
    Platform Platform { get; }

    bool Owns(string tenantId);
}
