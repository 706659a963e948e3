namespace K8sBot.Core.Storage.Backup;

/// <summary>What <see cref="BackupScheduler"/> did; observed by tests through its event channel.</summary>
internal abstract record BackupEvent
{
    public sealed record Scheduled(DateTimeOffset At) : BackupEvent;

    public sealed record Written(string Path, IReadOnlyList<string> Pruned) : BackupEvent;

    public sealed record Failed(string Reason) : BackupEvent;
}
