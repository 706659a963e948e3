using System.Diagnostics.Metrics;
using K8sBot.Core.Content;
using K8sBot.Core.Storage;
using K8sBot.Core.Storage.Backup;
using K8sBot.Core.Telemetry;

namespace K8sBot.Hosting;

/// <summary>
/// Gauges read at scrape time on the <c>K8sBot</c> meter: what an operator alerts on (an old
/// newest snapshot, a database outgrowing its volume) and proof that the content loaded.
/// </summary>
internal sealed class HostGauges
{
    public HostGauges(IMeterFactory meters, ContentCatalog catalog, BotDatabase database)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(BotMetrics.MeterName);
        meter.CreateObservableGauge("k8sbot.content.concepts", () => catalog.Concepts.Count, description: "Concept cards loaded");
        meter.CreateObservableGauge("k8sbot.db.size", () => SizeOf(database.FilePath), unit: "By", description: "Size of the LiteDB data file and its log");
        meter.CreateObservableGauge("k8sbot.backup.snapshots", () => DatabaseSnapshot.List(database.FilePath).Count, description: "Snapshots kept next to the database");
        meter.CreateObservableGauge("k8sbot.backup.newest", () => NewestSnapshot(database.FilePath), unit: "s", description: "Unix time of the newest snapshot (0 when there is none)");
    }

    private static long SizeOf(string path)
    {
        var log = DatabaseSnapshot.LogFileOf(path);
        return (File.Exists(path) ? new FileInfo(path).Length : 0) + (File.Exists(log) ? new FileInfo(log).Length : 0);
    }

    private static double NewestSnapshot(string path) =>
        DatabaseSnapshot.List(path) is { Count: > 0 } all ? new DateTimeOffset(File.GetLastWriteTimeUtc(all[^1])).ToUnixTimeSeconds() : 0;
}
