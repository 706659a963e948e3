using System.Globalization;
using LiteDB;

namespace K8sBot.Core.Storage.Backup;

/// <summary>
/// Writes, lists, prunes and restores LiteDB snapshots in a <c>backups</c> folder next to the
/// database. A snapshot is one self-contained data file named <c>{db}-{UTC stamp}.db</c>.
/// </summary>
/// <remarks>
/// Why the copy is consistent: LiteDB 5 writes every commit to the <c>-log</c> file and only a
/// checkpoint writes the data file, under LiteDB's exclusive lock. We checkpoint, then open a
/// transaction on the same instance, which holds the shared transaction lock: no checkpoint
/// (manual or automatic) can start until it ends, so the data file cannot change while we copy
/// it. Writers carry on meanwhile; their commits land in the log and in the next snapshot.
/// </remarks>
public static class DatabaseSnapshot
{
    public const string FolderName = "backups";

    private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    /// <summary>The folder snapshots of <paramref name="databasePath"/> go to.</summary>
    public static string FolderFor(string databasePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath)) ?? ".", FolderName);

    /// <summary>Writes a verified snapshot of the open <paramref name="database"/> and returns its path.</summary>
    public static string Write(ILiteDatabase database, string databasePath, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(database);
        var folder = FolderFor(databasePath);
        Directory.CreateDirectory(folder);
        var target = System.IO.Path.Combine(folder, $"{Prefix(databasePath)}{now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}.db");
        var partial = target + ".partial";

        database.Checkpoint();
        var began = database.BeginTrans();
        try
        {
            CopyDurably(System.IO.Path.GetFullPath(databasePath), partial);
        }
        finally
        {
            if (began)
            {
                database.Rollback();
            }
        }

        Verify(partial);
        File.Move(partial, target, overwrite: true);
        return target;
    }

    /// <summary>Snapshots of <paramref name="databasePath"/>, oldest first.</summary>
    public static IReadOnlyList<string> List(string databasePath)
    {
        var folder = FolderFor(databasePath);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var prefix = Prefix(databasePath);
        return [.. Directory.EnumerateFiles(folder, prefix + "*.db")
            .Where(f => IsSnapshotName(System.IO.Path.GetFileName(f), prefix))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> snapshots; returns what it deleted.</summary>
    public static IReadOnlyList<string> Prune(string databasePath, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var all = List(databasePath);
        var doomed = all.Take(Math.Max(0, all.Count - keep)).ToList();
        foreach (var file in doomed)
        {
            File.Delete(file);
        }

        return doomed;
    }

    /// <summary>
    /// Replaces the database with <paramref name="snapshotPath"/>. The current file and its log are
    /// kept as a <c>pre-restore</c> pair in the backups folder, so a restore can itself be undone.
    /// </summary>
    /// <returns>Where the previous database was moved, or null when there was none.</returns>
    public static string? Restore(string snapshotPath, string databasePath, DateTimeOffset now)
    {
        var snapshot = System.IO.Path.GetFullPath(snapshotPath);
        var target = System.IO.Path.GetFullPath(databasePath);
        if (!File.Exists(snapshot))
        {
            throw new StorageUnavailableException($"The snapshot '{snapshot}' does not exist.");
        }

        Verify(snapshot);
        using var claim = Claim(target);

        var folder = System.IO.Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(folder);
        string? previous = null;
        if (File.Exists(target))
        {
            var backups = FolderFor(target);
            Directory.CreateDirectory(backups);
            var stamp = now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
            previous = System.IO.Path.Combine(backups, $"{System.IO.Path.GetFileNameWithoutExtension(target)}-pre-restore-{stamp}.db");
            File.Move(target, previous);
            var log = LogFileOf(target);
            if (File.Exists(log))
            {
                File.Move(log, LogFileOf(previous));
            }
        }

        var partial = target + ".restoring";
        CopyDurably(snapshot, partial);
        File.Move(partial, target, overwrite: true);
        return previous;
    }

    /// <summary>
    /// Takes the database's <c>.lock</c> file the way <see cref="BotDatabase"/> does, so no bot can
    /// start on the file while a backup or restore works on it, and checks that no process holds
    /// the data file itself. Dispose to release.
    /// </summary>
    public static IDisposable Claim(string databasePath)
    {
        var path = System.IO.Path.GetFullPath(databasePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path) ?? ".");
        FileStream? guard = null;
        try
        {
            guard = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            if (File.Exists(path))
            {
                // LiteDB opens its file shared; an exclusive open fails while any other process holds it.
                using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }

            return guard;
        }
        catch (IOException ex)
        {
            guard?.Dispose();
            throw new StorageUnavailableException($"The database '{path}' is in use by a running bot; stop it first (or let its scheduled backups run).", ex);
        }
    }

    /// <summary>Opens <paramref name="path"/> read-only and reads every collection name: a torn or foreign file fails here.</summary>
    public static void Verify(string path)
    {
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true, Connection = ConnectionType.Direct });
            foreach (var name in db.GetCollectionNames())
            {
                _ = db.GetCollection(name).Count();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // LiteDB reports a foreign or torn file with whatever its parser trips on (LiteException,
            // ArgumentOutOfRangeException on a garbage date, InvalidCastException...).
            throw new StorageUnavailableException($"'{path}' is not a readable LiteDB snapshot: {ex.Message}", ex);
        }
    }

    /// <summary>LiteDB's write-ahead log for <paramref name="databasePath"/>: <c>name-log.ext</c>.</summary>
    public static string LogFileOf(string databasePath) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(databasePath) ?? ".",
            System.IO.Path.GetFileNameWithoutExtension(databasePath) + "-log" + System.IO.Path.GetExtension(databasePath));

    private static string Prefix(string databasePath) => System.IO.Path.GetFileNameWithoutExtension(databasePath) + "-";

    private static bool IsSnapshotName(string fileName, string prefix)
    {
        var stamp = fileName[prefix.Length..^".db".Length];
        return DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _);
    }

    private static void CopyDurably(string source, string destination)
    {
        using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var to = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            from.CopyTo(to);
            to.Flush(flushToDisk: true);
        }
    }
}
