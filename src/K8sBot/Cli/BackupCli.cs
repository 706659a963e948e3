using System.CommandLine;
using K8sBot.Core.Storage;
using K8sBot.Core.Storage.Backup;
using K8sBot.Hosting;
using LiteDB;

namespace K8sBot.Cli;

/// <summary>
/// <c>k8sbot backup</c> and <c>k8sbot restore</c>: the by-hand side of the scheduled snapshots.
/// Both refuse to touch a database a running bot holds open (LiteDB is single-writer).
/// </summary>
internal static class BackupCli
{
    public static Command CreateBackup()
    {
        var db = new Option<string?>("--db") { Description = "LiteDB file (default Storage:Path)" };
        var command = new Command("backup", "Write a consistent snapshot next to the database and keep the newest Storage:BackupKeep") { db };
        command.SetAction(result =>
        {
            var options = Options(result.GetValue(db));
            var path = Path.GetFullPath(options.Path);
            if (!File.Exists(path))
            {
                throw new StorageUnavailableException($"There is no database at '{path}' to back up.");
            }

            string written;
            using (DatabaseSnapshot.Claim(path))
            using (var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Upgrade = false }))
            {
                written = DatabaseSnapshot.Write(database, path, TimeProvider.System.GetUtcNow());
            }

            var pruned = DatabaseSnapshot.Prune(path, options.BackupKeep);
            Console.WriteLine($"snapshot: {written}");
            foreach (var old in pruned)
            {
                Console.WriteLine($"pruned: {old}");
            }

            return 0;
        });
        return command;
    }

    public static Command CreateRestore()
    {
        var snapshot = new Argument<string>("snapshot") { Description = "A snapshot file written by backup (see the backups folder next to the database)" };
        var db = new Option<string?>("--db") { Description = "LiteDB file to replace (default Storage:Path)" };
        var command = new Command("restore", "Replace the database with a snapshot; the bot must be stopped. The old file is kept as pre-restore") { snapshot, db };
        command.SetAction(result =>
        {
            var options = Options(result.GetValue(db));
            var previous = DatabaseSnapshot.Restore(result.GetValue(snapshot)!, options.Path, TimeProvider.System.GetUtcNow());
            Console.WriteLine($"restored: {Path.GetFullPath(options.Path)}");
            if (previous is not null)
            {
                Console.WriteLine($"previous database kept at: {previous}");
            }

            return 0;
        });
        return command;
    }

    private static StorageOptions Options(string? dbOverride)
    {
        var builder = new ConfigurationBuilder();
        BotConfiguration.Apply(builder, dbOverride is { Length: > 0 } ? new Dictionary<string, string?> { ["Storage:Path"] = dbOverride } : null);
        var options = new StorageOptions();
        builder.Build().GetSection(StorageOptions.Section).Bind(options);
        return options;
    }
}
