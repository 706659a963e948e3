using System.Diagnostics.Metrics;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using K8sBot.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sBot.Core.Tests.Commands;

/// <summary>What /metrics shows about commands: a count and a latency per command and platform.</summary>
public sealed class ChatCoreMetricsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _temp = new();
    private readonly BotDatabase _database;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly BotMetrics _metrics;
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _seen = [];

    public ChatCoreMetricsTests()
    {
        _database = _temp.Open();
        _metrics = new BotMetrics(_services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this test's instruments: other tests running in parallel create their own.
            if (ReferenceEquals(instrument, _metrics.Commands) || ReferenceEquals(instrument, _metrics.AnswerLatency))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    [Fact]
    public async Task Every_message_counts_once_by_command_and_platform_with_its_latency()
    {
        var core = Build();
        await core.HandleAsync(Message(Platform.Discord, "card pod"), CancellationToken.None);
        await core.HandleAsync(Message(Platform.Slack, "what is a pod"), CancellationToken.None);
        await core.HandleAsync(Message(Platform.Slack, "card"), CancellationToken.None);

        var counts = _seen.Where(s => s.Instrument == "k8sbot.commands").Select(s => $"{s.Tags["command"]}@{s.Tags["platform"]}").ToList();
        Assert.Equal(["card@discord", "ask@slack", "card@slack"], counts);
        var latencies = _seen.Where(s => s.Instrument == "k8sbot.answer.duration").ToList();
        Assert.Equal(3, latencies.Count);
        Assert.All(latencies, l => Assert.InRange(l.Value, 0, 10_000));
    }

    [Fact]
    public async Task Free_text_never_becomes_a_tag_value()
    {
        var core = Build();
        await core.HandleAsync(Message(Platform.Discord, "@everyone 비밀 토큰은 xoxb-123"), CancellationToken.None);

        var tags = _seen.SelectMany(s => s.Tags.Values).Select(v => v?.ToString() ?? string.Empty).ToList();
        Assert.DoesNotContain(tags, t => t.Contains("xoxb", StringComparison.Ordinal) || t.Contains("everyone", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
        _services.Dispose();
        _database.Dispose();
        _temp.Dispose();
    }

    private ChatCore Build()
    {
        var catalog = TestCatalog.Create();
        var presenter = new CardPresenter(catalog);
        ICommandHandler[] handlers = [new CardCommand(new ConceptLookup(catalog), presenter, catalog)];
        return new ChatCore(handlers, [], [], new UserProfileStore(_database), NullLogger<ChatCore>.Instance, _metrics);
    }

    private static IncomingMessage Message(Platform platform, string text) =>
        IncomingMessage.FromText(new ConversationAddress(platform, "t1", "c1"), new ChatUser("u1", "Min"), text, Now);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_seen)
        {
            _seen.Add((instrument.Name, value, copy));
        }
    }
}
