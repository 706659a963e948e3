using K8sBot.Core.Content;
using K8sBot.Core.Learning;
using K8sBot.Core.Messaging;
using K8sBot.Core.Scoring;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Quiz;

/// <summary>What every round needs, gathered once so runners stay small.</summary>
internal sealed class MatchDependencies(
    BotDatabase database,
    RoundStore rounds,
    AnswerRecorder recorder,
    IChatPublisher publisher,
    ContentCatalog catalog,
    ScoreStore scores,
    MemoryStore memory,
    TeamStore teams,
    BotMetrics metrics,
    TimeProvider time,
    IOptions<QuizOptions> options,
    ILogger<MatchRunner> logger)
{
    public BotDatabase Database => database;

    public RoundStore Rounds => rounds;

    public AnswerRecorder Recorder => recorder;

    public IChatPublisher Publisher => publisher;

    public ContentCatalog Catalog => catalog;

    public ScoreStore Scores => scores;

    public MemoryStore Memory => memory;

    public TeamStore Teams => teams;

    public BotMetrics Metrics => metrics;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    public TimeSpan RevealPause => TimeSpan.FromSeconds(options.Value.RevealPauseSeconds);

    public TimeSpan CountdownInterval => TimeSpan.FromSeconds(options.Value.CountdownSeconds);
}
