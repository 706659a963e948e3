using System.ComponentModel.DataAnnotations;
using Cronos;

namespace K8sBot.Core.Storage;

/// <summary>Bound from <c>Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; its folder is created on start.</summary>
    [Required]
    public string Path { get; set; } = "data/k8sbot.db";

    /// <summary>When <c>k8sbot run</c> writes a snapshot (five-field cron); empty turns scheduled backups off.</summary>
    public string BackupCron { get; set; } = "0 3 * * *";

    /// <summary>The IANA zone <see cref="BackupCron"/> is read in (default UTC).</summary>
    [Required]
    public string BackupTimeZone { get; set; } = "UTC";

    /// <summary>How many snapshots to keep next to the database; older ones are deleted.</summary>
    [Range(1, 1000)]
    public int BackupKeep { get; set; } = 7;

    /// <summary>
    /// Log length (8 KB pages) at which LiteDB checkpoints inside whichever commit finds it: the
    /// backstop for a log nobody checkpointed while idle. That commit waits for the whole copy, so it
    /// is set well above <see cref="IdleCheckpointPages"/> (LiteDB's own default is 1,000).
    /// </summary>
    [Range(1, 1_000_000)]
    public int CheckpointPages { get; set; } = 8000;

    /// <summary>Log length (8 KB pages) from which the quiz answer recorder checkpoints once presses have paused.</summary>
    [Range(1, 1_000_000)]
    public int IdleCheckpointPages { get; set; } = 500;

    /// <summary>How long no press may arrive before the answer recorder counts as idle and may checkpoint.</summary>
    [Range(1, 60_000)]
    public int IdleCheckpointMilliseconds { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BackupCron) && !CronExpression.TryParse(BackupCron, CronFormat.Standard, out _))
        {
            yield return new ValidationResult($"Storage:BackupCron '{BackupCron}' is not a five-field cron expression (e.g. \"0 3 * * *\").", [nameof(BackupCron)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(BackupTimeZone, out _))
        {
            yield return new ValidationResult($"Storage:BackupTimeZone '{BackupTimeZone}' is not a known time zone (use an IANA id such as Asia/Seoul).", [nameof(BackupTimeZone)]);
        }
    }
}
