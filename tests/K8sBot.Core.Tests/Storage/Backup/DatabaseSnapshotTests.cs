using K8sBot.Core.Storage;
using K8sBot.Core.Storage.Backup;
using LiteDB;

namespace K8sBot.Core.Tests.Storage.Backup;

public sealed class DatabaseSnapshotTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly SnapshotTestDatabase _temp = new();

    [Fact]
    public void A_snapshot_is_a_separate_file_that_opens_with_everything_committed()
    {
        string snapshot;
        using (var db = _temp.Open())
        {
            db.Collection<BsonDocument>("notes").Insert(new BsonDocument { ["text"] = "파드" });
            snapshot = DatabaseSnapshot.Write(db.Database, db.FilePath, Noon);
            db.Collection<BsonDocument>("notes").Insert(new BsonDocument { ["text"] = "after" });
        }

        Assert.Equal(Path.Combine(_temp.Folder, "backups", "k8sbot-20261127T120000000Z.db"), snapshot);
        using var copy = new LiteDatabase(new ConnectionString { Filename = snapshot, ReadOnly = true });
        var notes = copy.GetCollection("notes").FindAll().Select(d => d["text"].AsString).ToList();
        Assert.Equal(["파드"], notes);
    }

    [Fact]
    public async Task Snapshots_taken_while_writers_commit_are_never_torn()
    {
        using var db = _temp.Open();
        db.Database.CheckpointSize = 2; // checkpoint almost every commit, so a torn copy would show
        var pairs = db.Collection<BsonDocument>("pairs");
        using var stop = new CancellationTokenSource();
        using var progress = new SemaphoreSlim(0);

        // Every transaction writes two documents: a consistent copy always holds an even count.
        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                db.InTransaction(d =>
                {
                    var c = d.GetCollection<BsonDocument>("pairs");
                    c.Insert(new BsonDocument { ["n"] = i, ["half"] = 1, ["pad"] = new string('x', 2000) });
                    c.Insert(new BsonDocument { ["n"] = i, ["half"] = 2, ["pad"] = new string('y', 2000) });
                    return 0;
                });
                progress.Release();
            }
        });

        var counts = new List<int>();
        for (var round = 0; round < 8; round++)
        {
            await progress.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var snapshot = DatabaseSnapshot.Write(db.Database, db.FilePath, Noon.AddSeconds(round));
            using var copy = new LiteDatabase(new ConnectionString { Filename = snapshot, ReadOnly = true });
            counts.Add(copy.GetCollection("pairs").Count());
        }

        await stop.CancelAsync();
        await writer.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(counts, c => Assert.Equal(0, c % 2));
        Assert.True(counts[^1] > 0, "the writer made progress and snapshots saw it");
        Assert.True(pairs.Count() >= counts.Max());
    }

    [Fact]
    public void While_a_transaction_is_open_commits_elsewhere_cannot_checkpoint_into_the_data_file()
    {
        // The invariant the snapshot copy relies on, shown directly: with a transaction open on this
        // thread (as DatabaseSnapshot.Write holds one during its copy), commits on another thread go
        // to the log only, even with a checkpoint due after every commit.
        using var db = _temp.Open();
        db.Database.CheckpointSize = 1;
        db.Collection<BsonDocument>("pairs").Insert(new BsonDocument { ["n"] = -1 });
        db.Checkpoint();

        var before = Hash(db.FilePath);
        Assert.True(db.Database.BeginTrans());
        try
        {
            Assert.True(OnAnotherThread(() => Commit(db, 20)));
            Assert.Equal(before, Hash(db.FilePath));
        }
        finally
        {
            db.Database.Rollback();
        }

        // Control: without the open transaction the same commits do reach the data file.
        Assert.True(OnAnotherThread(() => Commit(db, 20)));
        Assert.NotEqual(before, Hash(db.FilePath));
        Assert.Equal(41, db.Collection<BsonDocument>("pairs").Count());
    }

    [Fact]
    public void Prune_keeps_the_newest_and_leaves_other_files_alone()
    {
        using (var db = _temp.Open())
        {
            for (var hour = 0; hour < 5; hour++)
            {
                DatabaseSnapshot.Write(db.Database, db.FilePath, Noon.AddHours(hour));
            }
        }

        var unrelated = Path.Combine(_temp.Folder, "backups", "k8sbot-pre-restore-20260101T000000000Z.db");
        File.WriteAllText(unrelated, "kept");

        var pruned = DatabaseSnapshot.Prune(_temp.Path, keep: 2);

        Assert.Equal(3, pruned.Count);
        Assert.Equal(
            ["k8sbot-20261127T150000000Z.db", "k8sbot-20261127T160000000Z.db"],
            DatabaseSnapshot.List(_temp.Path).Select(Path.GetFileName));
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public void Restore_brings_back_the_snapshot_and_keeps_the_replaced_database()
    {
        string snapshot;
        using (var db = _temp.Open())
        {
            db.Collection<BsonDocument>("notes").Insert(new BsonDocument { ["text"] = "before" });
            snapshot = DatabaseSnapshot.Write(db.Database, db.FilePath, Noon);
            db.Collection<BsonDocument>("notes").Insert(new BsonDocument { ["text"] = "after" });
        }

        var previous = DatabaseSnapshot.Restore(snapshot, _temp.Path, Noon.AddHours(1));

        using (var db = _temp.Open())
        {
            Assert.Equal(["before"], db.Collection<BsonDocument>("notes").FindAll().Select(d => d["text"].AsString));
        }

        Assert.NotNull(previous);
        using var old = new LiteDatabase(new ConnectionString { Filename = previous, ReadOnly = true });
        Assert.Equal(2, old.GetCollection("notes").Count());
    }

    [Fact]
    public void Restore_refuses_while_the_database_is_open()
    {
        string snapshot;
        using var db = _temp.Open();
        snapshot = DatabaseSnapshot.Write(db.Database, db.FilePath, Noon);

        var error = Assert.Throws<StorageUnavailableException>(() => DatabaseSnapshot.Restore(snapshot, _temp.Path, Noon));
        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Collection<BsonDocument>("notes").Count());
    }

    [Fact]
    public void Restore_rejects_a_file_that_is_not_a_database_and_changes_nothing()
    {
        using (var db = _temp.Open())
        {
            db.Collection<BsonDocument>("notes").Insert(new BsonDocument { ["text"] = "keep me" });
        }

        var bogus = Path.Combine(_temp.Folder, "bogus.db");
        File.WriteAllBytes(bogus, [.. Enumerable.Repeat((byte)0x5A, 16384)]);

        Assert.Throws<StorageUnavailableException>(() => DatabaseSnapshot.Restore(bogus, _temp.Path, Noon));
        using var reopened = _temp.Open();
        Assert.Equal(1, reopened.Collection<BsonDocument>("notes").Count());
    }

    public void Dispose() => _temp.Dispose();

    private static void Commit(BotDatabase db, int count)
    {
        for (var i = 0; i < count; i++)
        {
            db.Collection<BsonDocument>("pairs").Insert(new BsonDocument { ["n"] = i, ["pad"] = new string('x', 3000) });
        }
    }

    /// <summary>LiteDB transactions belong to a thread, so the test keeps its own and commits on a fresh one.</summary>
    private static bool OnAnotherThread(Action work)
    {
        var thread = new Thread(() => work());
        thread.Start();
        return thread.Join(TimeSpan.FromSeconds(10));
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
