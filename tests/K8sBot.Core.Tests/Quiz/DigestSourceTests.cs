using K8sBot.Core.Daily;
using K8sBot.Core.Learning;
using K8sBot.Core.Messaging;
using K8sBot.Core.Scoring;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

/// <summary>The weekly digest reads last week's board and the concepts people found hardest.</summary>
public sealed class DigestSourceTests : IDisposable
{
    private static readonly TenantKey Tenant = new(Platform.Slack, "T1");
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_digest_shows_last_weeks_top_five_and_the_hardest_concepts_of_that_week()
    {
        var lastWeek = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(9));
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(monday));
        var scores = host.Get<ScoreStore>();
        var memory = host.Get<MemoryStore>();
        var profiles = host.Get<UserProfileStore>();
        var database = host.Get<BotDatabase>();
        var people = new[] { ("a", 600), ("b", 500), ("c", 400), ("d", 300), ("e", 200), ("f", 100) };
        foreach (var (id, points) in people)
        {
            profiles.Touch(Tenant, new ChatUser(id, id.ToUpperInvariant()));
            database.InTransaction(db => { scores.Record(db, Tenant, id, points, true, lastWeek); return 0; });
        }

        // Everyone keeps missing etcd, half miss pod, nobody misses service.
        foreach (var (id, _) in people)
        {
            database.InTransaction(db =>
            {
                memory.Apply(db, Tenant, id, "etcd", "etcd-1", Grade.Again, lastWeek);
                memory.Apply(db, Tenant, id, "pod", "pod-1", id is "a" or "b" or "c" ? Grade.Again : Grade.Good, lastWeek);
                memory.Apply(db, Tenant, id, "service", "service-1", Grade.Easy, lastWeek);
                return 0;
            });
        }

        database.InTransaction(db => { memory.Apply(db, Tenant, "a", "kubelet", "kubelet-1", Grade.Again, monday.AddDays(-30)); return 0; });

        var source = host.Get<IWeeklyDigestSource>();
        var top = await source.TopFiveAsync(Tenant, monday.AddDays(-7), monday, CancellationToken.None);
        var worst = await source.WorstConceptsAsync(new ConversationAddress(Platform.Slack, "T1", "C1"), monday.AddDays(-7), monday, CancellationToken.None);

        Assert.Equal(["A", "B", "C", "D", "E"], top.Select(t => t.DisplayName));
        Assert.Equal(600, top[0].Points);
        Assert.Equal(["etcd", "pod", "service"], worst);
        var otherTenant = await source.TopFiveAsync(new TenantKey(Platform.Slack, "T2"), monday.AddDays(-7), monday, CancellationToken.None);
        Assert.Empty(otherTenant);
    }
}
