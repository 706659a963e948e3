using K8sBot.Core.Messaging;

namespace K8sBot.Core.Daily;

/// <summary>Used until a scoring feature registers its own source.</summary>
internal sealed class EmptyWeeklyDigestSource : IWeeklyDigestSource
{
    public Task<IReadOnlyList<DigestLeader>> TopFiveAsync(TenantKey tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DigestLeader>>([]);

    public Task<IReadOnlyList<string>> WorstConceptsAsync(ConversationAddress channel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
