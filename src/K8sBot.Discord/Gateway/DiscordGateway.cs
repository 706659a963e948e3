using System.Net.WebSockets;
using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Core.Telemetry;
using K8sBot.Discord.Configuration;
using K8sBot.Discord.Rest;
using K8sBot.Discord.Status;
using K8sBot.Discord.Timing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Discord.Gateway;

/// <summary>
/// Keeps one shard connected: discovers the URL from <c>GET /gateway/bot</c>, resumes on
/// <c>resume_gateway_url</c> after op 7, drops and resumable closes, identifies afresh after op 9
/// and non-resumable codes, stops for good on fatal codes, and backs off with jitter.
/// </summary>
internal sealed partial class DiscordGateway(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ShardInfo shard,
    Pacer pacer,
    BotMetrics metrics,
    DiscordStatus status,
    DiscordIdentity identity,
    IGatewayDispatchSink sink,
    ILogger<DiscordGateway> logger)
{
    private const int MaxFailedResumes = 3;

    private readonly TaskCompletionSource _firstReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _gatewayUrl;
    private string? _sessionId;
    private string? _resumeUrl;
    private int _failedResumes;
    private int _failures;
    private bool _resuming;

    public IdentifyGate IdentifyGate { get; } = new(pacer);

    public long? Sequence { get; set; }

    /// <summary>Completes on the first READY of the process (command registration waits for it).</summary>
    public Task FirstReady => _firstReady.Task;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, status.StoppedToken);
        var token = linked.Token;
        status.Report(AdapterState.Starting);
        var delay = TimeSpan.Zero;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (_failures > 0)
                {
                    delay = Max(delay, Backoff.For(_failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
                }

                await pacer.DelayAsync(delay, "reconnect", token);
                delay = TimeSpan.Zero;
                _resuming = _sessionId is not null && _resumeUrl is not null && _failedResumes < MaxFailedResumes;
                var url = _resuming ? _resumeUrl! : _gatewayUrl ??= await DiscoverAsync(token);
                var outcome = await ConnectAsync(url, token);
                if (outcome.Next == GatewayNext.Shutdown)
                {
                    break;
                }

                delay = outcome.Delay;
                if (!Apply(outcome))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordRestException ex) when (ex.Status == 401 || status.IsStopped)
            {
                return;
            }
            catch (Exception ex) when (ex is DiscordRestException or WebSocketException or HttpRequestException or IOException)
            {
                _failures++;
                if (_resuming)
                {
                    _failedResumes++;
                }
                else
                {
                    // The cached URL may be stale; ask again next time.
                    _gatewayUrl = null;
                }

                status.Report(AdapterState.Reconnecting, "connect failed");
                LogConnectFailed(logger, _failures, ex.Message);
            }
        }
    }

    private bool Apply(GatewayOutcome outcome)
    {
        metrics.GatewayReconnects.Add(1, new KeyValuePair<string, object?>("platform", "discord"), new KeyValuePair<string, object?>("kind", outcome.Next == GatewayNext.Resume ? "resume" : "identify"));
        switch (outcome.Next)
        {
            case GatewayNext.Stop:
                if (status.Stop($"gateway closed with {outcome.CloseCode}: {CloseCodes.Describe(outcome.CloseCode ?? 0)}"))
                {
                    LogFatal(logger, outcome.CloseCode ?? 0, CloseCodes.Describe(outcome.CloseCode ?? 0));
                }

                return false;
            case GatewayNext.Identify:
                _sessionId = null;
                _resumeUrl = null;
                Sequence = null;
                break;
            default:
                if (_resuming && !outcome.Why.StartsWith("op 7", StringComparison.Ordinal))
                {
                    _failedResumes++;
                }

                break;
        }

        if (outcome.Why.StartsWith("closed", StringComparison.Ordinal) || outcome.Why.StartsWith("connection lost", StringComparison.Ordinal))
        {
            _failures++;
        }

        status.Report(AdapterState.Reconnecting, outcome.Why);
        LogReconnecting(logger, outcome.Why, outcome.Next == GatewayNext.Resume && _sessionId is not null ? "resume" : "identify");
        return true;
    }

    private async Task<GatewayOutcome> ConnectAsync(string url, CancellationToken token)
    {
        using var socket = new ClientWebSocket();
        var uri = new Uri(url.TrimEnd('/') + "/?v=10&encoding=json");
        await socket.ConnectAsync(uri, token);
        using var session = new GatewaySession(this, socket, pacer);
        return await session.RunAsync(_resuming, token);
    }

    private async Task<string> DiscoverAsync(CancellationToken token)
    {
        var body = await rest.GetAsync("/gateway/bot", token) ?? throw new DiscordRestException(0, 0, "GET /gateway/bot returned nothing.");
        if (body["session_start_limit"]?["max_concurrency"] is JsonValue concurrency && concurrency.TryGetValue<int>(out var max) && max > 0)
        {
            IdentifyGate.MaxConcurrency = max;
        }

        if (body["session_start_limit"]?["remaining"] is JsonValue remaining && remaining.TryGetValue<int>(out var left) && left < 10)
        {
            LogFewIdentifiesLeft(logger, left);
            if (left == 0 && body["session_start_limit"]?["reset_after"] is JsonValue reset && reset.TryGetValue<double>(out var resetMs))
            {
                // Identifying past the daily budget gets the token reset; wait for the budget instead.
                await pacer.DelayAsync(TimeSpan.FromMilliseconds(resetMs), "session-limit", token);
            }
        }

        return body["url"]?.GetValue<string>() ?? throw new DiscordRestException(0, 0, "GET /gateway/bot returned no url.");
    }

    public JsonObject IdentifyPayload() => new()
    {
        ["op"] = GatewayOpcodes.Identify,
        ["d"] = new JsonObject
        {
            ["token"] = options.Value.Token,
            ["intents"] = GatewayIntents.For(options.Value.ReadMessages),
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "k8sbot", ["device"] = "k8sbot" },
            ["shard"] = new JsonArray(shard.Id, shard.Count),
        },
    };

    public JsonObject ResumePayload() => new()
    {
        ["op"] = GatewayOpcodes.Resume,
        ["d"] = new JsonObject { ["token"] = options.Value.Token, ["session_id"] = _sessionId, ["seq"] = Sequence },
    };

    public void OnDispatch(string type, JsonObject data)
    {
        switch (type)
        {
            case "READY":
                _sessionId = data["session_id"]?.GetValue<string>();
                _resumeUrl = data["resume_gateway_url"]?.GetValue<string>();
                identity.BotUserId = data["user"]?["id"]?.GetValue<string>();
                identity.ApplicationId ??= options.Value.ApplicationId ?? data["application"]?["id"]?.GetValue<string>();
                Connected("ready");
                _firstReady.TrySetResult();
                break;
            case "RESUMED":
                Connected("resumed");
                break;
            default:
                sink.OnDispatch(type, data);
                break;
        }
    }

    public void CountZombie() => LogZombie(logger);

    private void Connected(string how)
    {
        _failures = 0;
        _failedResumes = 0;
        status.Report(AdapterState.Connected);
        LogConnected(logger, how, shard.Id, shard.Count);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway {How} (shard {Shard}/{Count})")]
    private static partial void LogConnected(ILogger logger, string how, int shard, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway reconnecting ({Why}); next: {How}")]
    private static partial void LogReconnecting(ILogger logger, string why, string how);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway missed a heartbeat ACK; reconnecting")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connect failed ({Failures} in a row): {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, int failures, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway closed with fatal code {Code}: {Meaning}. The Discord adapter is stopped; fix the configuration and restart.")]
    private static partial void LogFatal(ILogger logger, int code, string meaning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Only {Remaining} Discord identifies left today; reconnects resume where they can")]
    private static partial void LogFewIdentifiesLeft(ILogger logger, int remaining);
}
