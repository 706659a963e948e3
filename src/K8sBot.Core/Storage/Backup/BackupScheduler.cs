using System.Threading.Channels;
using Cronos;
using LiteDB;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Storage.Backup;

/// <summary>
/// Writes a snapshot on <c>Storage:BackupCron</c> (in <c>Storage:BackupTimeZone</c>) and keeps the
/// newest <c>Storage:BackupKeep</c>. Runs only inside <c>k8sbot run</c>. A failed backup is logged
/// and retried at the next occurrence; it never stops the bot.
/// </summary>
public sealed partial class BackupScheduler : BackgroundService
{
    private readonly BotDatabase _database;
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BackupScheduler> _logger;
    private readonly Channel<BackupEvent> _events = Channel.CreateBounded<BackupEvent>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });

    public BackupScheduler(BotDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<BackupScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>What the scheduler did, in order; tests await these instead of sleeping.</summary>
    internal ChannelReader<BackupEvent> Events => _events.Reader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(_options.BackupCron))
        {
            LogDisabled(_logger);
            return;
        }

        var cron = CronExpression.Parse(_options.BackupCron, CronFormat.Standard);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_options.BackupTimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            if (cron.GetNextOccurrence(now, zone) is not { } next)
            {
                return;
            }

            // Create the timer before announcing it, so whoever advances the clock cannot get ahead of it.
            var wait = Task.Delay(next - now, _time, stoppingToken);
            _events.Writer.TryWrite(new BackupEvent.Scheduled(next));
            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _events.Writer.TryWrite(RunOnce());
        }
    }

    internal BackupEvent RunOnce()
    {
        try
        {
            var written = DatabaseSnapshot.Write(_database.Database, _database.FilePath, _time.GetUtcNow());
            var pruned = DatabaseSnapshot.Prune(_database.FilePath, _options.BackupKeep);
            LogWritten(_logger, written, pruned.Count);
            return new BackupEvent.Written(written, pruned);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException or StorageUnavailableException)
        {
            LogFailed(_logger, ex);
            return new BackupEvent.Failed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backups are off (Storage:BackupCron is empty)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database snapshot written to {Path}; pruned {Pruned} old snapshot(s)")]
    private static partial void LogWritten(ILogger logger, string path, int pruned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database snapshot failed; will try again at the next scheduled time")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
