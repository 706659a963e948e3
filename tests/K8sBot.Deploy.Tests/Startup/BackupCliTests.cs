using K8sBot.Core.Storage;
using K8sBot.Core.Storage.Backup;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sBot.Deploy.Tests.Startup;

/// <summary><c>k8sbot backup</c> and <c>k8sbot restore</c> as a person (or the restore Job) runs them.</summary>
public sealed class BackupCliTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("k8sbot-cli-");

    private string Database => Path.Combine(_data.FullName, "k8sbot.db");

    [Fact]
    public async Task Backup_then_restore_round_trips_through_the_command_line()
    {
        Write("before");
        var backup = await K8sBotAsync("backup", "--db", Database);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var snapshot = Assert.Single(DatabaseSnapshot.List(Database));
        Assert.Contains("snapshot: " + snapshot, backup.Stdout, StringComparison.Ordinal);

        Write("after");
        var restore = await K8sBotAsync("restore", snapshot, "--db", Database);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains("previous database kept at:", restore.Stdout, StringComparison.Ordinal);

        using var db = Open();
        Assert.Equal(["before"], db.Collection<BsonDocument>("notes").FindAll().Select(d => d["text"].AsString));
    }

    [Fact]
    public async Task Both_commands_refuse_a_database_a_running_bot_holds_open()
    {
        Write("live");
        using var running = Open();
        _ = running.SchemaVersion;

        var backup = await K8sBotAsync("backup", "--db", Database);
        var restore = await K8sBotAsync("restore", Database, "--db", Database);

        Assert.Equal(2, backup.ExitCode);
        Assert.Contains("in use by a running bot", backup.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("in use by a running bot", restore.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", backup.Stderr + restore.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_of_a_missing_snapshot_says_so_in_one_line()
    {
        var result = await K8sBotAsync("restore", Path.Combine(_data.FullName, "nope.db"), "--db", Database);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Delete(recursive: true);

    private BotDatabase Open() =>
        new(Options.Create(new StorageOptions { Path = Database }), [], NullLogger<BotDatabase>.Instance);

    private void Write(string text)
    {
        using var db = Open();
        db.Collection<BsonDocument>("notes").DeleteAll();
        db.Collection<BsonDocument>("notes").Insert(new BsonDocument { ["text"] = text });
    }

    private static Task<Tool.Result> K8sBotAsync(params string[] args) =>
        Tool.RunAsync("dotnet", [Repo.AppDll, .. args], workingDirectory: Path.GetDirectoryName(Repo.AppDll));
}
