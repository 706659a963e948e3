using K8sBot.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Tests.Support;

/// <summary>A real LiteDB file in a fresh temp folder, deleted with the fixture.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "k8sbot-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "nested", "bot.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public BotDatabase Open(params IDatabaseMigration[] extra) =>
        new(Options.Create(new StorageOptions { Path = FilePath }), [new InitialSchemaMigration(), .. extra], NullLogger<BotDatabase>.Instance);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
