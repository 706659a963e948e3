using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Storage;

/// <summary>Users' saved settings (language) and last known display names.</summary>
public sealed class UserProfileStore(BotDatabase database)
{
    internal const string CollectionName = "profiles";

    public UserProfile? Find(TenantKey tenant, string userId)
    {
        var doc = database.Collection<UserProfileDocument>(CollectionName).FindById(tenant.UserKey(userId));
        return doc is null ? null : Map(tenant, doc);
    }

    /// <summary>Finds a user of the tenant by id or by display name (case-insensitive).</summary>
    public UserProfile? FindByName(TenantKey tenant, string nameOrId)
    {
        var byId = Find(tenant, nameOrId);
        if (byId is not null)
        {
            return byId;
        }

        var key = tenant.ToString();
        var doc = database.Collection<UserProfileDocument>(CollectionName)
            .Find(p => p.Tenant == key)
            .FirstOrDefault(p => string.Equals(p.DisplayName, nameOrId, StringComparison.OrdinalIgnoreCase));
        return doc is null ? null : Map(tenant, doc);
    }

    public Lang? LanguageOf(TenantKey tenant, string userId) => Find(tenant, userId)?.Lang;

    public void SetLanguage(TenantKey tenant, ChatUser user, Lang lang) => Upsert(tenant, user, doc => doc.Lang = lang.Code());

    /// <summary>Remembers the display name so scores and leaderboards can show it.</summary>
    public void Touch(TenantKey tenant, ChatUser user) => Upsert(tenant, user, _ => { });

    private void Upsert(TenantKey tenant, ChatUser user, Action<UserProfileDocument> change)
    {
        var collection = database.Collection<UserProfileDocument>(CollectionName);
        var id = tenant.UserKey(user.Id);
        var doc = collection.FindById(id) ?? new UserProfileDocument { Id = id, Tenant = tenant.ToString(), UserId = user.Id };
        var before = (doc.DisplayName, doc.Lang);
        doc.DisplayName = user.DisplayName;
        change(doc);
        if (before != (doc.DisplayName, doc.Lang) || before.DisplayName.Length == 0)
        {
            collection.Upsert(doc);
        }
    }

    private static UserProfile Map(TenantKey tenant, UserProfileDocument doc) =>
        new(tenant, doc.UserId, doc.DisplayName, LangExtensions.TryParse(doc.Lang, out var lang) ? lang : null);
}
