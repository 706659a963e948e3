using System.Diagnostics.Metrics;

namespace K8sBot.Core.Telemetry;

/// <summary>
/// The bot's instruments on one <see cref="Meter"/> named <c>K8sBot</c>; the host exports them as
/// Prometheus text on <c>/metrics</c>. Tags are low-cardinality (command name, platform, outcome).
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "K8sBot";

    private readonly Meter _meter;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        Commands = _meter.CreateCounter<long>("k8sbot.commands", description: "Commands handled, by command and platform");
        AnswerLatency = _meter.CreateHistogram<double>("k8sbot.answer.duration", unit: "ms", description: "Time to produce a reply");
        QuizAnswers = _meter.CreateCounter<long>("k8sbot.quiz.answers", description: "Quiz answers recorded, by mode and correctness");
        DailyPosts = _meter.CreateCounter<long>("k8sbot.daily.posts", description: "Daily cards posted, by platform and outcome");
        GatewayReconnects = _meter.CreateCounter<long>("k8sbot.gateway.reconnects", description: "Gateway and socket reconnects, by platform and kind (resume, identify)");
        RateLimited = _meter.CreateCounter<long>("k8sbot.rest.rate_limited", description: "HTTP 429 responses from a platform, by platform and scope");
        DatabaseWrite = _meter.CreateHistogram<double>("k8sbot.db.write.duration", unit: "ms", description: "LiteDB write latency, by store");
    }

    public Counter<long> Commands { get; }

    public Histogram<double> AnswerLatency { get; }

    public Counter<long> QuizAnswers { get; }

    public Counter<long> DailyPosts { get; }

    public Counter<long> GatewayReconnects { get; }

    public Counter<long> RateLimited { get; }

    public Histogram<double> DatabaseWrite { get; }

    public void Dispose() => _meter.Dispose();
}
