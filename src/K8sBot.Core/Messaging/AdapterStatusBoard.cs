using System.Collections.Concurrent;

namespace K8sBot.Core.Messaging;

/// <summary>
/// Where adapters report their connection state; <c>/readyz</c> reads it. Readiness never depends
/// on liveness: a platform outage makes the pod unready, not restarted.
/// </summary>
public sealed class AdapterStatusBoard
{
    private readonly ConcurrentDictionary<string, AdapterStatus> _statuses = new(StringComparer.Ordinal);

    public void Report(string adapter, AdapterState state, string? reason = null) =>
        _statuses[adapter] = new AdapterStatus(adapter, state, reason);

    public IReadOnlyList<AdapterStatus> All => [.. _statuses.Values.OrderBy(s => s.Adapter, StringComparer.Ordinal)];

    public bool AllConnected => _statuses.Values.All(s => s.State == AdapterState.Connected);
}
