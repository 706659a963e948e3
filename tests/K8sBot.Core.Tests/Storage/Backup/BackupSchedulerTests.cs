using System.ComponentModel.DataAnnotations;
using K8sBot.Core.Storage;
using K8sBot.Core.Storage.Backup;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Storage.Backup;

public sealed class BackupSchedulerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly SnapshotTestDatabase _temp = new(new StorageOptions { BackupCron = "0 3 * * *", BackupKeep = 2 });
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 0, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Writes_a_snapshot_at_each_cron_time_and_keeps_the_newest()
    {
        using var db = _temp.Open();
        using var scheduler = new BackupScheduler(db, Microsoft.Extensions.Options.Options.Create(_temp.Options), _time, NullLogger<BackupScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);

        var written = new List<BackupEvent.Written>();
        for (var day = 0; day < 3; day++)
        {
            var scheduled = Assert.IsType<BackupEvent.Scheduled>(await scheduler.Events.ReadAsync().AsTask().WaitAsync(Patience));
            Assert.Equal(new DateTimeOffset(2026, 11, 27 + day, 3, 0, 0, TimeSpan.Zero), scheduled.At);
            _time.Advance(scheduled.At - _time.GetUtcNow());
            written.Add(Assert.IsType<BackupEvent.Written>(await scheduler.Events.ReadAsync().AsTask().WaitAsync(Patience)));
        }

        await scheduler.StopAsync(CancellationToken.None);

        Assert.Empty(written[0].Pruned);
        Assert.Equal([written[0].Path], written[2].Pruned);
        Assert.Equal([written[1].Path, written[2].Path], DatabaseSnapshot.List(_temp.Path));
        DatabaseSnapshot.Verify(written[2].Path);
    }

    [Fact]
    public async Task The_cron_is_read_in_the_configured_time_zone()
    {
        _temp.Options.BackupCron = "0 4 * * *";
        _temp.Options.BackupTimeZone = "Asia/Seoul";
        using var db = _temp.Open();
        using var scheduler = new BackupScheduler(db, Microsoft.Extensions.Options.Options.Create(_temp.Options), _time, NullLogger<BackupScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);

        var scheduled = Assert.IsType<BackupEvent.Scheduled>(await scheduler.Events.ReadAsync().AsTask().WaitAsync(Patience));
        await scheduler.StopAsync(CancellationToken.None);

        // 04:00 in Seoul (UTC+9) is 19:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.Zero), scheduled.At.ToUniversalTime());
    }

    [Fact]
    public async Task An_empty_cron_turns_scheduled_backups_off()
    {
        _temp.Options.BackupCron = string.Empty;
        using var db = _temp.Open();
        using var scheduler = new BackupScheduler(db, Microsoft.Extensions.Options.Options.Create(_temp.Options), _time, NullLogger<BackupScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        await scheduler.ExecuteTask!.WaitAsync(Patience);

        Assert.False(scheduler.Events.TryRead(out _));
        Assert.Empty(DatabaseSnapshot.List(_temp.Path));
    }

    [Fact]
    public void A_failed_backup_is_reported_not_thrown()
    {
        using var db = _temp.Open();
        using var scheduler = new BackupScheduler(db, Microsoft.Extensions.Options.Options.Create(_temp.Options), _time, NullLogger<BackupScheduler>.Instance);

        // A file where the backups folder should be makes the snapshot fail.
        File.WriteAllText(DatabaseSnapshot.FolderFor(_temp.Path), "not a folder");

        Assert.IsType<BackupEvent.Failed>(scheduler.RunOnce());
    }

    [Theory]
    [InlineData("every day at three", "UTC", "Storage:BackupCron")]
    [InlineData("0 3 * * *", "Mars/Olympus", "Storage:BackupTimeZone")]
    public void Bad_backup_settings_fail_validation_naming_the_key(string cron, string zone, string key)
    {
        var options = new StorageOptions { BackupCron = cron, BackupTimeZone = zone };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains(key, StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();
}
