using K8sBot.Core.Content;
using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using K8sBot.Slack.Tests.Fake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sBot.Slack.Tests.Daily;

/// <summary>
/// One process life of the daily poster: the real LiteDB file at <paramref name="databasePath"/>, the
/// real Slack publisher of <paramref name="adapter"/> (talking to the loopback fake), and a crash
/// injected where a test wants one. A new adapter and rig over the same file is a restart.
/// </summary>
internal sealed class DailyRig : IDisposable
{
    public static readonly ConversationAddress Channel = new(Platform.Slack, FakeSlack.TeamId, "C0GENERAL");

    private readonly ServiceProvider _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly BotMetrics _metrics;

    public DailyRig(string databasePath, AdapterHarness adapter, CrashingPublisher.Crash crash = CrashingPublisher.Crash.Never)
    {
        Database = new BotDatabase(Options.Create(new StorageOptions { Path = databasePath }), [], NullLogger<BotDatabase>.Instance);
        Store = new DailySubscriptionStore(Database);
        Catalog = TestCatalog();
        _metrics = new BotMetrics(_metricsServices.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var publisher = new CrashingPublisher(new ChatPublisher([adapter.Get<IPlatformPublisher>()]), crash);
        Poster = new DailyPoster(
            Store,
            Catalog,
            new DailyCardPresenter(Catalog, new CardPresenter(Catalog)),
            new EmptyWeeklyDigestSource(),
            publisher,
            adapter.Clock,
            Options.Create(new DailyOptions()),
            _metrics,
            NullLogger<DailyPoster>.Instance);
    }

    public BotDatabase Database { get; }

    public DailySubscriptionStore Store { get; }

    public ContentCatalog Catalog { get; }

    public DailyPoster Poster { get; }

    public DailySubscription Current => Store.Find(Channel.ChannelKey)!;

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "k8sbot-slack-daily-" + Guid.NewGuid().ToString("N"), "bot.db");

    public void Subscribe(DateTimeOffset now) => Store.SaveAndNotify(new DailySubscription
    {
        Id = Channel.ChannelKey,
        Tenant = Channel.Tenant.ToString(),
        Platform = Channel.Platform.ToString(),
        TenantId = Channel.TenantId,
        ChannelId = Channel.ChannelId,
        Time = "09:00",
        Zone = "Europe/London",
        Lang = "en",
        Digest = false,
        ActiveFromUtc = now.UtcDateTime,
    });

    public Task<DailyRunResult> RunAsync(bool manual = false) => Poster.RunAsync(Channel.ChannelKey, manual, CancellationToken.None);

    public void Dispose()
    {
        Database.Dispose();
        _metrics.Dispose();
        _metricsServices.Dispose();
    }

    /// <summary>A tiny curriculum so the tests never depend on the real content folder.</summary>
    private static ContentCatalog TestCatalog() => new(
        [
            Card("pod", 1, "Pod", "The smallest unit that runs containers."),
            Card("daemonset", 2, "DaemonSet", "Runs one pod on every node."),
            Card("service", 3, "Service", "Gives a set of pods a stable address."),
        ],
        [],
        []);

    private static ConceptCard Card(string id, int order, string title, string definition) =>
        new(
            id,
            ConceptCategory.Workloads,
            order,
            new Uri($"https://kubernetes.io/docs/concepts/{id}/"),
            [],
            new CardText(title, [id], definition, ["핵심 하나", "핵심 둘"], ["쓸 때"], ["피할 때"], ["실수"], []),
            new CardText(title, [id], definition, ["Key one", "Key two"], ["Use"], ["Avoid"], ["Mistake"], []),
            null);
}
