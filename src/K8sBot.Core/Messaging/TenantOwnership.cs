namespace K8sBot.Core.Messaging;

/// <summary>Combines the adapters' <see cref="ITenantFilter"/>s; a platform without one is owned here.</summary>
public sealed class TenantOwnership(IEnumerable<ITenantFilter> filters)
{
    private readonly Dictionary<Platform, ITenantFilter> _filters = filters.ToDictionary(f => f.Platform);

    public bool Owns(TenantKey tenant) => !_filters.TryGetValue(tenant.Platform, out var filter) || filter.Owns(tenant.TenantId);
}
