using K8sBot.Core.Storage;
using LiteDB;

namespace K8sBot.Core.Daily;

/// <summary>Schema 10: daily subscriptions. Idempotent (EnsureIndex is a no-op when the index exists).</summary>
internal sealed class DailySchemaMigration : IDatabaseMigration
{
    public int Version => 4;

    public string Description => "daily subscriptions";

    public void Apply(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.GetCollection<DailySubscription>(DailySubscriptionStore.CollectionName).EnsureIndex(s => s.Tenant);
    }
}
