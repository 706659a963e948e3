using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using K8sBot.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Daily;

/// <summary>
/// The daily feature over a real LiteDB file, a fake clock and a recording platform. <see cref="Restart"/>
/// throws the in-memory parts away and reopens the file, like a process restart.
/// </summary>
internal sealed class DailyFixture : IDisposable
{
    public static readonly ConversationAddress Channel = new(Platform.Discord, "g1", "c1");

    private readonly TempDatabase _temp = new();
    private readonly ServiceProvider _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private readonly Func<RecordingPublisher, IChatPublisher> _platform;

    /// <param name="platform">Wraps the recording platform, e.g. in a <see cref="TrackingPublisher"/>.</param>
    public DailyFixture(DateTimeOffset start, IWeeklyDigestSource? digest = null, DailyOptions? options = null, Func<RecordingPublisher, IChatPublisher>? platform = null)
    {
        _platform = platform ?? (p => p);
        Time = new FakeTimeProvider(start);
        Catalog = TestCatalog.Create();
        Digest = digest ?? new EmptyWeeklyDigestSource();
        Options = options ?? new DailyOptions();
        Metrics = new BotMetrics(_metricsServices.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        Open();
    }

    public FakeTimeProvider Time { get; }

    public ContentCatalog Catalog { get; }

    public IWeeklyDigestSource Digest { get; }

    public DailyOptions Options { get; }

    public BotMetrics Metrics { get; }

    public RecordingPublisher Publisher { get; } = new();

    public BotDatabase Database { get; private set; } = null!;

    public DailySubscriptionStore Store { get; private set; } = null!;

    public DailyPoster Poster { get; private set; } = null!;

    public DailyStatusCommand Status { get; private set; } = null!;

    public ChatCore Core { get; private set; } = null!;

    public static IDatabaseMigration[] Migrations() => [new K8sBot.Core.Learning.LearningSchemaMigration(), new K8sBot.Core.Quiz.QuizSchemaMigration(), new DailySchemaMigration()];

    public void Restart()
    {
        Database.Dispose();
        Open();
    }

    public DailyCardScheduler Scheduler(TenantOwnership? ownership = null) =>
        new(Store, Poster, ownership ?? new TenantOwnership([]), Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DailyCardScheduler>.Instance);

    /// <summary>Subscribes the channel directly (the command path has its own tests).</summary>
    public DailySubscription Subscribe(string time = "09:00", string zone = "Asia/Seoul", bool weekdays = false, bool digest = false, ConversationAddress? where = null)
    {
        var channel = where ?? Channel;
        var subscription = new DailySubscription
        {
            Id = channel.ChannelKey,
            Tenant = channel.Tenant.ToString(),
            Platform = channel.Platform.ToString(),
            TenantId = channel.TenantId,
            ChannelId = channel.ChannelId,
            Time = time,
            Zone = zone,
            Lang = "en",
            Weekdays = weekdays,
            Digest = digest,
            ActiveFromUtc = Time.GetUtcNow().UtcDateTime,
        };
        Store.SaveAndNotify(subscription);
        return subscription;
    }

    public DailySubscription Current => Store.Find(Channel.ChannelKey)!;

    /// <summary>Moves the clock to the channel's next due instant and runs the poster, as the scheduler would.</summary>
    public async Task<(DailyRunResult Result, DateTimeOffset At)> RunNextAsync()
    {
        var subscription = Current;
        var due = DailyPlanner.NextDue(subscription, DailySchedule.Of(subscription), Time.GetUtcNow()) ?? throw new InvalidOperationException("nothing scheduled");
        if (due > Time.GetUtcNow())
        {
            Time.SetUtcNow(due);
        }

        return (await Poster.RunAsync(Channel.ChannelKey, manual: false, CancellationToken.None), Time.GetUtcNow());
    }

    public Task<IReadOnlyList<Reply>> SayAsync(string text, bool admin = true) =>
        Core.HandleAsync(IncomingMessage.FromText(Channel, new ChatUser("u1", "Min", "en-US", admin), text, Time.GetUtcNow()), CancellationToken.None);

    public void Dispose()
    {
        Database.Dispose();
        Metrics.Dispose();
        _metricsServices.Dispose();
        _temp.Dispose();
    }

    private void Open()
    {
        Database = _temp.Open(Migrations());
        Store = new DailySubscriptionStore(Database);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var presenter = new DailyCardPresenter(Catalog, new CardPresenter(Catalog));
        Poster = new DailyPoster(Store, Catalog, presenter, Digest, _platform(Publisher), Time, options, Metrics, NullLogger<DailyPoster>.Instance);
        Status = new DailyStatusCommand(Store, Catalog, Time);
        var profiles = new UserProfileStore(Database);
        ICommandHandler[] handlers =
        [
            new HelpCommand(), Status, new DailyOnCommand(Store, Status, Time, options), new DailyOffCommand(Store), new DailyNowCommand(Store, Poster),
        ];
        Core = new ChatCore(handlers, [], [], profiles, NullLogger<ChatCore>.Instance);
    }
}
