using K8sBot.Core.Storage;
using LiteDB;

namespace K8sBot.Core.Learning;

/// <summary>Schema 2: FSRS memory per user and concept.</summary>
internal sealed class LearningSchemaMigration : IDatabaseMigration
{
    public int Version => 2;

    public string Description => "FSRS memory";

    public void Apply(ILiteDatabase database) =>
        database.GetCollection<MemoryDocument>(MemoryStore.CollectionName).EnsureIndex(m => m.UserKey);
}
