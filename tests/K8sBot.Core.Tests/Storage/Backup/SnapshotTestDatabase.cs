using K8sBot.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Tests.Storage.Backup;

/// <summary>A real LiteDB file in its own temp folder, deleted afterwards.</summary>
internal sealed class SnapshotTestDatabase : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("k8sbot-backup-");

    public SnapshotTestDatabase(StorageOptions? options = null)
    {
        Options = options ?? new StorageOptions();
        Options.Path = System.IO.Path.Combine(_folder.FullName, "k8sbot.db");
    }

    public StorageOptions Options { get; }

    public string Path => Options.Path;

    public string Folder => _folder.FullName;

    public BotDatabase Open() => new(Microsoft.Extensions.Options.Options.Create(Options), [], NullLogger<BotDatabase>.Instance);

    public void Dispose() => _folder.Delete(recursive: true);
}
