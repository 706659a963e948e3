using K8sBot.Core.Content;
using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sBot.Tests.Shared.Daily;

/// <summary>
/// One process life of the daily poster: the real LiteDB file at <paramref name="databasePath"/>, a
/// real platform publisher (talking to a loopback fake), and a crash injected where a test wants one.
/// A new rig over the same file is a restart. Shared by the Discord and Slack test projects.
/// </summary>
internal sealed class DailyRig : IDisposable
{
    private readonly ServiceProvider _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly BotMetrics _metrics;

    public DailyRig(string databasePath, ConversationAddress channel, IPlatformPublisher platform, TimeProvider time, ContentCatalog catalog, CrashingPublisher.Crash crash = CrashingPublisher.Crash.Never)
    {
        Channel = channel;
        Database = new BotDatabase(Options.Create(new StorageOptions { Path = databasePath }), [], NullLogger<BotDatabase>.Instance);
        Store = new DailySubscriptionStore(Database);
        Catalog = catalog;
        _metrics = new BotMetrics(_metricsServices.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var publisher = new CrashingPublisher(new ChatPublisher([platform]), crash);
        Poster = new DailyPoster(
            Store,
            Catalog,
            new DailyCardPresenter(Catalog, new CardPresenter(Catalog)),
            new EmptyWeeklyDigestSource(),
            publisher,
            time,
            Options.Create(new DailyOptions()),
            _metrics,
            NullLogger<DailyPoster>.Instance);
    }

    public ConversationAddress Channel { get; }

    public BotDatabase Database { get; }

    public DailySubscriptionStore Store { get; }

    public ContentCatalog Catalog { get; }

    public DailyPoster Poster { get; }

    public DailySubscription Current => Store.Find(Channel.ChannelKey)!;

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "k8sbot-daily-" + Guid.NewGuid().ToString("N"), "bot.db");

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
}
