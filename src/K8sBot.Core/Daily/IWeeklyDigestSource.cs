using K8sBot.Core.Messaging;

namespace K8sBot.Core.Daily;

/// <summary>
/// Where the weekly digest's numbers come from (the quiz scoring feature). The default returns
/// nothing and the digest says "no data yet".
/// </summary>
public interface IWeeklyDigestSource
{
    /// <summary>The tenant's five best learners between <paramref name="from"/> and <paramref name="to"/>, best first.</summary>
    Task<IReadOnlyList<DigestLeader>> TopFiveAsync(TenantKey tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Concept ids the channel's members answered worst in the period, worst first.</summary>
    Task<IReadOnlyList<string>> WorstConceptsAsync(ConversationAddress channel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
