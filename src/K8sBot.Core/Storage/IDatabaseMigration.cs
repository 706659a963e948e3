using LiteDB;

namespace K8sBot.Core.Storage;

/// <summary>
/// One forward step of the schema. Versions are consecutive from 1; each runs once, in order, in
/// its own transaction, and the database records the version reached (LiteDB's user_version).
/// </summary>
public interface IDatabaseMigration
{
    int Version { get; }

    string Description { get; }

    void Apply(ILiteDatabase database);
}
