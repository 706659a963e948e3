using K8sBot.Core.Storage;
using LiteDB;

namespace K8sBot.Core.Tests.Daily;

/// <summary>Stands in for the quiz feature's schema versions 2..9 so version 10 follows consecutively, as after the merge.</summary>
internal sealed class FillerMigration(int version) : IDatabaseMigration
{
    public int Version => version;

    public string Description => "placeholder";

    public void Apply(ILiteDatabase database)
    {
    }
}
