using LiteDB;

namespace K8sBot.Core.Storage;

/// <summary>Schema 1: user profiles.</summary>
internal sealed class InitialSchemaMigration : IDatabaseMigration
{
    public int Version => 1;

    public string Description => "user profiles";

    public void Apply(ILiteDatabase database)
    {
        var profiles = database.GetCollection<UserProfileDocument>(UserProfileStore.CollectionName);
        profiles.EnsureIndex(p => p.Tenant);
    }
}
