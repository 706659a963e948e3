using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;

namespace K8sBot.Core.Quiz;

/// <summary>Team memberships per tenant.</summary>
public sealed class TeamStore(BotDatabase database)
{
    internal const string CollectionName = "teams";

    /// <summary>Joins (or switches to) a team; an existing team's spelling wins so everyone sees one name.</summary>
    public TeamMembership Join(TenantKey tenant, string userId, string display, string key)
    {
        var collection = database.Collection<TeamDocument>(CollectionName);
        var tenantKey = tenant.ToString();
        var existing = collection.FindOne(t => t.Tenant == tenantKey && t.TeamKey == key);
        var doc = new TeamDocument { Id = tenant.UserKey(userId), Tenant = tenantKey, UserId = userId, TeamKey = key, TeamName = existing?.TeamName ?? display };
        collection.Upsert(doc);
        return new TeamMembership(userId, doc.TeamKey, doc.TeamName);
    }

    /// <summary>How many distinct teams the tenant has now.</summary>
    public int TeamCount(TenantKey tenant)
    {
        var tenantKey = tenant.ToString();
        return database.Collection<TeamDocument>(CollectionName).Find(t => t.Tenant == tenantKey).Select(t => t.TeamKey).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>True when a team with this key already has members.</summary>
    public bool Exists(TenantKey tenant, string key)
    {
        var tenantKey = tenant.ToString();
        return database.Collection<TeamDocument>(CollectionName).Exists(t => t.Tenant == tenantKey && t.TeamKey == key);
    }

    public TeamMembership? Leave(TenantKey tenant, string userId)
    {
        var collection = database.Collection<TeamDocument>(CollectionName);
        var doc = collection.FindById(tenant.UserKey(userId));
        if (doc is null)
        {
            return null;
        }

        collection.Delete(doc.Id);
        return new TeamMembership(userId, doc.TeamKey, doc.TeamName);
    }

    public TeamMembership? Of(TenantKey tenant, string userId)
    {
        var doc = database.Collection<TeamDocument>(CollectionName).FindById(tenant.UserKey(userId));
        return doc is null ? null : new TeamMembership(userId, doc.TeamKey, doc.TeamName);
    }

    public IReadOnlyList<TeamMembership> All(TenantKey tenant)
    {
        var key = tenant.ToString();
        return [.. database.Collection<TeamDocument>(CollectionName).Find(t => t.Tenant == key).Select(d => new TeamMembership(d.UserId, d.TeamKey, d.TeamName))];
    }
}
