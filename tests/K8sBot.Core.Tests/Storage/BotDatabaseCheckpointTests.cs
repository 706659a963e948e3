using K8sBot.Core.Storage;
using K8sBot.Core.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Tests.Storage;

public sealed class BotDatabaseCheckpointTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_log_is_copied_only_once_it_reaches_the_asked_length()
    {
        long pages;
        using (var database = Open(new StorageOptions()))
        {
            WriteCommits(database, 20);
            Assert.True(File.Exists(database.LogPath), "LogPath must name the file LiteDB appends commits to");
            pages = database.LogPages;
            Assert.True(pages > 0);

            Assert.False(database.CheckpointLogAtLeast((int)pages + 1));
            Assert.Equal(pages, database.LogPages);

            Assert.True(database.CheckpointLogAtLeast((int)pages));
            Assert.Equal(0, database.LogPages);
            Assert.Equal(20, database.Database.GetCollection("things").Count());
        }

        using var reopened = Open(new StorageOptions());
        Assert.Equal(20, reopened.Database.GetCollection("things").Count());
    }

    [Fact]
    public void LiteDB_checkpoints_inside_a_commit_only_past_the_configured_backstop()
    {
        using (var small = Open(new StorageOptions { CheckpointPages = 5 }))
        {
            Assert.Equal(5, small.Database.CheckpointSize);
            var longest = 0L;
            for (var i = 0; i < 30; i++)
            {
                WriteCommits(small, 1, offset: i);
                longest = Math.Max(longest, small.LogPages);
            }

            // Each commit here writes a few pages; the log never outgrows the backstop by more than one commit.
            Assert.True(longest <= 5 + 4, $"log reached {longest} pages with a 5-page backstop");
        }

        File.Delete(_temp.FilePath);
        using var defaults = Open(new StorageOptions());
        Assert.Equal(8000, defaults.Database.CheckpointSize);
        WriteCommits(defaults, 30);
        Assert.True(defaults.LogPages > 9, $"with the default backstop the log should keep {defaults.LogPages} > 9 pages");
    }

    private BotDatabase Open(StorageOptions options)
    {
        options.Path = _temp.FilePath;
        return new BotDatabase(Options.Create(options), [new InitialSchemaMigration()], NullLogger<BotDatabase>.Instance);
    }

    private static void WriteCommits(BotDatabase database, int commits, int offset = 0)
    {
        for (var i = 0; i < commits; i++)
        {
            var id = offset + i;
            database.InTransaction(db => db.GetCollection("things").Insert(new BsonDocument { ["_id"] = id, ["body"] = new string('x', 2000) }));
        }
    }
}
