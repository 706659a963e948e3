using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Storage;

/// <summary>
/// The single LiteDB file. One instance per process (LiteDB is thread-safe in direct mode and the
/// file is single-writer). Stores get their collections from here; nothing else opens the file.
/// </summary>
public sealed partial class BotDatabase : IDisposable
{
    private const int PageSize = 8192;

    private readonly ILogger<BotDatabase> _logger;
    private readonly LiteDatabase _database;
    private readonly FileStream? _lock;
    private bool _disposed;

    public BotDatabase(IOptions<StorageOptions> options, IEnumerable<IDatabaseMigration> migrations, ILogger<BotDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        FilePath = System.IO.Path.GetFullPath(options.Value.Path);
        LogPath = LogPathFor(FilePath);
        var folder = System.IO.Path.GetDirectoryName(FilePath);
        try
        {
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // LiteDB lets a second instance open the same file; the file is single-writer by
            // design, so hold an exclusive lock file for the life of this instance.
            _lock = new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);

            var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false, EnumAsInteger = false };
            _database = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct, Upgrade = false }, mapper);
            _database.UtcDate = true;

            // LiteDB copies the log into the data file (and fsyncs it) inside the commit that finds the
            // log over this many pages, stalling that commit and every writer queued behind it. Writers
            // with latency targets checkpoint while idle instead (CheckpointLogAtLeast); this stays the backstop.
            _database.CheckpointSize = options.Value.CheckpointPages;
            Migrate([.. migrations.OrderBy(m => m.Version)]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A corrupt file surfaces as anything from LiteException to ArgumentOutOfRangeException.
            _database?.Dispose();
            _lock?.Dispose();
            throw new StorageUnavailableException($"Cannot open the database at '{FilePath}': {ex.Message}", ex);
        }
    }

    public string FilePath { get; }

    /// <summary>LiteDB's write-ahead log next to <see cref="FilePath"/> (<c>name-log.ext</c>); commits append to it.</summary>
    public string LogPath { get; }

    /// <summary>Pages (8 KB) in the write-ahead log now: what the next checkpoint has to copy.</summary>
    public long LogPages
    {
        get
        {
            var log = new FileInfo(LogPath);
            return log.Exists ? log.Length / PageSize : 0;
        }
    }

    public int SchemaVersion => _database.UserVersion;

    /// <summary>The underlying database; only stores (one per aggregate) use it.</summary>
    public ILiteDatabase Database => _database;

    public ILiteCollection<T> Collection<T>(string name) => _database.GetCollection<T>(name);

    /// <summary>Runs <paramref name="work"/> in one transaction; LiteDB transactions are per thread.</summary>
    public T InTransaction<T>(Func<ILiteDatabase, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _database.BeginTrans();
        try
        {
            var result = work(_database);
            _database.Commit();
            return result;
        }
        catch
        {
            _database.Rollback();
            throw;
        }
    }

    /// <summary>Copies the log into the data file so the file alone is a consistent snapshot.</summary>
    public void Checkpoint() => _database.Checkpoint();

    /// <summary>Checkpoints if the log holds at least <paramref name="pages"/> pages; true if it did.</summary>
    public bool CheckpointLogAtLeast(int pages)
    {
        if (LogPages < pages)
        {
            return false;
        }

        _database.Checkpoint();
        return true;
    }

    private static string LogPathFor(string dataFile) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(dataFile) ?? string.Empty,
            System.IO.Path.GetFileNameWithoutExtension(dataFile) + "-log" + System.IO.Path.GetExtension(dataFile));

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _database.Checkpoint();
        }
        catch (LiteException ex)
        {
            LogCheckpointFailed(_logger, ex);
        }

        _database.Dispose();
        _lock?.Dispose();
    }

    private void Migrate(IReadOnlyList<IDatabaseMigration> migrations)
    {
        var current = _database.UserVersion;
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            if (migration.Version != current + 1)
            {
                throw new InvalidOperationException($"Migration {migration.Version} follows {current}; migrations must be consecutive.");
            }

            _database.BeginTrans();
            try
            {
                migration.Apply(_database);
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }

            // user_version is a pragma, written outside the transaction; a crash between the two
            // re-runs a migration, so every migration is written to be idempotent.
            _database.UserVersion = migration.Version;
            current = migration.Version;
            LogMigrated(_logger, migration.Version, migration.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated to schema {Version}: {Description}")]
    private static partial void LogMigrated(ILogger logger, int version, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint on close failed; the log file will be replayed on next open")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
