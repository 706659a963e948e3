using K8sBot.Core.Daily;
using K8sBot.Core.Learning;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Scoring;

/// <summary>
/// The weekly digest's numbers from the scores and FSRS memory. Members are not tracked per
/// channel, so "the channel's members" are the tenant's learners; the worst concepts are those
/// reviewed in the period with the highest average FSRS difficulty (the ones people keep missing).
/// </summary>
internal sealed class ScoringDigestSource(Leaderboard leaderboard, MemoryStore memory) : IWeeklyDigestSource
{
    public Task<IReadOnlyList<DigestLeader>> TopFiveAsync(TenantKey tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // The board's "last week" is relative to now; the digest runs at the start of the new week.
        IReadOnlyList<DigestLeader> top = [.. leaderboard.People(tenant, LeaderboardPeriod.LastWeek, to)
            .Where(r => r.Item.Points > 0)
            .Take(5)
            .Select(r => new DigestLeader(r.Item.Key, r.Item.Name, (int)Math.Round(r.Item.Points)))];
        return Task.FromResult(top);
    }

    public Task<IReadOnlyList<string>> WorstConceptsAsync(ConversationAddress channel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        IReadOnlyList<string> worst = [.. memory.AllForTenant(channel.Tenant)
            .Where(m => m.State.LastReview >= from && m.State.LastReview < to)
            .GroupBy(m => m.ConceptId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Average(m => m.State.Difficulty))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(3)
            .Select(g => g.Key)];
        return Task.FromResult(worst);
    }
}
