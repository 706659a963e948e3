using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;

namespace K8sBot.Core.Daily;

/// <summary>
/// Daily subscriptions in LiteDB, one document per channel. Every write is a single document
/// upsert, so a crash leaves either the old or the new state. <see cref="Changed"/> wakes the scheduler.
/// </summary>
internal sealed class DailySubscriptionStore(BotDatabase database)
{
    internal const string CollectionName = "daily_subscriptions";

    /// <summary>Raised with the channel key after a subscription was created, changed by a person, or removed.</summary>
    public event Action<string>? Changed;

    public DailySubscription? Find(string channelKey) => database.Collection<DailySubscription>(CollectionName).FindById(channelKey);

    public IReadOnlyList<DailySubscription> All() => [.. database.Collection<DailySubscription>(CollectionName).FindAll()];

    public int CountFor(TenantKey tenant)
    {
        var key = tenant.ToString();
        return database.Collection<DailySubscription>(CollectionName).Count(s => s.Tenant == key);
    }

    /// <summary>Saves state the scheduler itself produced (no wake-up needed).</summary>
    public void Save(DailySubscription subscription) => database.Collection<DailySubscription>(CollectionName).Upsert(subscription);

    /// <summary>Saves a change a person made and wakes the scheduler.</summary>
    public void SaveAndNotify(DailySubscription subscription)
    {
        Save(subscription);
        Changed?.Invoke(subscription.Id);
    }

    /// <summary>Wakes the scheduler for a channel whose state changed outside it (<c>daily now</c>).</summary>
    public void Notify(string channelKey) => Changed?.Invoke(channelKey);

    public bool Delete(string channelKey)
    {
        var deleted = database.Collection<DailySubscription>(CollectionName).Delete(channelKey);
        if (deleted)
        {
            Changed?.Invoke(channelKey);
        }

        return deleted;
    }

    public static ConversationAddress AddressOf(DailySubscription subscription) =>
        new(Enum.Parse<Platform>(subscription.Platform), subscription.TenantId, subscription.ChannelId);
}
