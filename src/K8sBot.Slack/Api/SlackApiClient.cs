using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Slack.Api;

/// <summary>
/// The one Slack Web API client. JSON bodies with the token as Bearer; <c>ok:false</c> becomes a
/// <see cref="SlackApiException"/> with one clear log line; 429 pauses that method for
/// <c>Retry-After</c> (Slack limits per method per workspace); 5xx and network errors are retried
/// with backoff; a dead token stops the adapter through <see cref="SlackRuntime"/>.
/// </summary>
internal sealed partial class SlackApiClient
{
    public const string HttpClientName = "slack";

    private const int MaxAttempts = 4;

    /// <summary>Pages a paginated read follows before it stops: reads stay bounded.</summary>
    public const int MaxPages = 5;
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly SlackRuntime _runtime;
    private readonly BotMetrics _metrics;
    private readonly ILogger<SlackApiClient> _logger;
    private readonly ChannelPacer _pacer;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);
    private readonly string _baseUrl;

    public SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, TimeProvider time, SlackRuntime runtime, BotMetrics metrics, ILogger<SlackApiClient> logger)
    {
        _http = httpClients.CreateClient(HttpClientName);
        _options = options.Value;
        _time = time;
        _runtime = runtime;
        _metrics = metrics;
        _logger = logger;
        _pacer = new ChannelPacer(time);
        _baseUrl = _options.ApiBaseUrl.ToString().TrimEnd('/') + "/";
    }

    public async Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken)
    {
        var root = await CallAsync(new SlackCall("auth.test") { Form = new Dictionary<string, string>() }, cancellationToken);
        return new SlackIdentity(
            root.GetProperty("team_id").GetString() ?? string.Empty,
            root.GetProperty("user_id").GetString() ?? string.Empty,
            root.TryGetProperty("bot_id", out var bot) ? bot.GetString() : null);
    }

    /// <summary>A fresh, single-use Socket Mode URL (the app token goes in the header, never the body).</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var root = await CallAsync(new SlackCall("apps.connections.open") { Form = new Dictionary<string, string>(), UseAppToken = true }, cancellationToken);
        return new Uri(root.GetProperty("url").GetString() ?? throw new SlackApiException("apps.connections.open", "no_url"));
    }

    /// <summary>Posts a message (paced per channel) and returns its <c>ts</c>.</summary>
    public async Task<string> PostMessageAsync(string channel, JsonObject message, string? threadTs, CancellationToken cancellationToken)
    {
        var body = WithTarget(message, channel, threadTs);
        var root = await CallAsync(new SlackCall("chat.postMessage") { Json = body, PaceChannel = channel }, cancellationToken);
        return root.GetProperty("ts").GetString() ?? string.Empty;
    }

    public async Task UpdateMessageAsync(string channel, string ts, JsonObject message, CancellationToken cancellationToken)
    {
        var body = WithTarget(message, channel, null);
        body["ts"] = ts;
        await CallAsync(new SlackCall("chat.update") { Json = body }, cancellationToken);
    }

    public async Task PostEphemeralAsync(string channel, string user, JsonObject message, string? threadTs, CancellationToken cancellationToken)
    {
        var body = WithTarget(message, channel, threadTs);
        body["user"] = user;
        await CallAsync(new SlackCall("chat.postEphemeral") { Json = body }, cancellationToken);
    }

    /// <summary>Schedules a message for <paramref name="postAt"/> (at most 120 days ahead) and returns its scheduled_message_id.</summary>
    public async Task<string> ScheduleMessageAsync(string channel, DateTimeOffset postAt, JsonObject message, CancellationToken cancellationToken)
    {
        var body = WithTarget(message, channel, null);
        body["post_at"] = postAt.ToUnixTimeSeconds();
        var root = await CallAsync(new SlackCall("chat.scheduleMessage") { Json = body }, cancellationToken);
        return root.GetProperty("scheduled_message_id").GetString() ?? string.Empty;
    }

    public Task<IReadOnlyList<SlackScheduledMessage>> ListScheduledMessagesAsync(string? channel, CancellationToken cancellationToken) =>
        ListScheduledMessagesAsync(channel, null, null, cancellationToken);

    /// <summary>
    /// The app's pending scheduled messages, optionally in a channel and a time range (Unix seconds,
    /// <paramref name="oldest"/> &lt; <paramref name="latest"/>), following the cursor for at most
    /// <see cref="MaxPages"/> pages of 100.
    /// </summary>
    private static string? Scalar(JsonElement item, string name) =>
        !item.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

    public async Task<IReadOnlyList<SlackScheduledMessage>> ListScheduledMessagesAsync(string? channel, DateTimeOffset? oldest, DateTimeOffset? latest, CancellationToken cancellationToken)
    {
        var list = new List<SlackScheduledMessage>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var form = new Dictionary<string, string> { ["limit"] = "100" };
            AddIfSet(form, "channel", channel);
            AddIfSet(form, "oldest", oldest?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            AddIfSet(form, "latest", latest?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            AddIfSet(form, "cursor", cursor);
            var root = await CallAsync(new SlackCall("chat.scheduledMessages.list") { Form = form }, cancellationToken);
            if (root.TryGetProperty("scheduled_messages", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    // Slack's own examples show id and post_at both as JSON numbers and as strings.
                    if (Scalar(item, "post_at") is not { } postAt
                        || !long.TryParse(postAt, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
                    {
                        continue;
                    }

                    list.Add(new SlackScheduledMessage(
                        Scalar(item, "id") ?? string.Empty,
                        Scalar(item, "channel_id") ?? string.Empty,
                        DateTimeOffset.FromUnixTimeSeconds(seconds),
                        Scalar(item, "text")));
                }
            }

            if ((cursor = NextCursor(root)) is null)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>
    /// Messages of a channel between <paramref name="oldest"/> and <paramref name="latest"/> (inclusive),
    /// newest first, at most <see cref="MaxPages"/> pages of 100. <c>HasMore</c> says the range was not exhausted.
    /// Needs channels:history (public) or groups:history (private) and membership of the channel.
    /// </summary>
    public async Task<(IReadOnlyList<SlackHistoryMessage> Messages, bool HasMore)> HistoryAsync(string channel, DateTimeOffset oldest, DateTimeOffset latest, CancellationToken cancellationToken)
    {
        var list = new List<SlackHistoryMessage>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var form = new Dictionary<string, string>
            {
                ["channel"] = channel,
                ["oldest"] = oldest.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["latest"] = latest.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["inclusive"] = "true",
                ["limit"] = "100",
            };
            AddIfSet(form, "cursor", cursor);
            var root = await CallAsync(new SlackCall("conversations.history") { Form = form }, cancellationToken);
            if (root.TryGetProperty("messages", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    var blockIds = new List<string>();
                    if (item.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var block in blocks.EnumerateArray())
                        {
                            if (block.ValueKind == JsonValueKind.Object && block.TryGetProperty("block_id", out var id) && id.GetString() is { } text)
                            {
                                blockIds.Add(text);
                            }
                        }
                    }

                    list.Add(new SlackHistoryMessage(
                        item.TryGetProperty("ts", out var ts) ? ts.GetString() ?? string.Empty : string.Empty,
                        item.TryGetProperty("bot_id", out var bot) ? bot.GetString() : null,
                        item.TryGetProperty("user", out var user) ? user.GetString() : null,
                        blockIds));
                }
            }

            if ((cursor = NextCursor(root)) is null)
            {
                return (list, false);
            }
        }

        return (list, true);
    }

    public Task<JsonElement> UsersInfoAsync(string user, CancellationToken cancellationToken) =>
        CallAsync(new SlackCall("users.info") { Form = new Dictionary<string, string> { ["user"] = user, ["include_locale"] = "true" } }, cancellationToken);

    /// <summary>
    /// Posts to a <c>response_url</c> (slash command or button). Any 2xx is success: these hooks answer
    /// plain <c>ok</c> rather than JSON. No token: the URL itself is the credential, so it is never logged.
    /// </summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts)
            {
                LogTransient(_logger, "response_url", ex.Message, attempt);
                await BackoffAsync(attempt, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var status = (int)response.StatusCode;
                if ((response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500) && attempt < MaxAttempts)
                {
                    await DelayAsync(RetryAfter(response) ?? Backoff(attempt), cancellationToken);
                    continue;
                }

                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                var error = detail.Length is > 0 and < 64 && !detail.Contains(' ', StringComparison.Ordinal) ? detail : $"http_{status}";
                LogCallFailed(_logger, "response_url", error, SlackErrors.Hint(error));
                throw new SlackApiException("response_url", error);
            }
        }
    }

    public async Task<JsonElement> CallAsync(SlackCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var token = call.UseAppToken ? _options.AppToken : _options.BotToken;
        for (var attempt = 1; ; attempt++)
        {
            await WaitForMethodAsync(call.Method, cancellationToken);
            if (call.PaceChannel is not null)
            {
                await _pacer.WaitAsync(call.PaceChannel, cancellationToken);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, _baseUrl + call.Method) { Content = Content(call) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= MaxAttempts)
                {
                    LogCallFailed(_logger, call.Method, "network_error", ex.Message);
                    throw new SlackApiException(call.Method, "network_error", ex);
                }

                LogTransient(_logger, call.Method, ex.GetType().Name, attempt);
                await BackoffAsync(attempt, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response) ?? DefaultRetryAfter;
                    _pausedUntil[call.Method] = _time.GetUtcNow() + wait;
                    _metrics.RateLimited.Add(1, new KeyValuePair<string, object?>("platform", "slack"), new KeyValuePair<string, object?>("scope", call.Method));
                    LogRateLimited(_logger, call.Method, wait.TotalSeconds, attempt);
                    if (attempt >= MaxAttempts)
                    {
                        throw new SlackApiException(call.Method, "ratelimited");
                    }

                    continue;
                }

                if ((int)response.StatusCode >= 500)
                {
                    if (attempt >= MaxAttempts)
                    {
                        LogCallFailed(_logger, call.Method, $"http_{(int)response.StatusCode}", "Slack is having trouble");
                        throw new SlackApiException(call.Method, $"http_{(int)response.StatusCode}");
                    }

                    LogTransient(_logger, call.Method, $"http_{(int)response.StatusCode}", attempt);
                    await BackoffAsync(attempt, cancellationToken);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    LogCallFailed(_logger, call.Method, $"http_{(int)response.StatusCode}", "unexpected HTTP status");
                    throw new SlackApiException(call.Method, $"http_{(int)response.StatusCode}");
                }

                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
                var root = document.RootElement;
                if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
                {
                    if (root.TryGetProperty("warning", out var warning))
                    {
                        LogWarning(_logger, call.Method, warning.GetString() ?? string.Empty);
                    }

                    return root.Clone();
                }

                var error = root.TryGetProperty("error", out var code) ? code.GetString() ?? "unknown_error" : "unknown_error";
                var needed = root.TryGetProperty("needed", out var scope) ? scope.GetString() : null;
                if (SlackErrors.IsFatalAuth(error))
                {
                    var reason = $"Slack rejected the {(call.UseAppToken ? "app" : "bot")} token ({error}): {SlackErrors.Hint(error)}";
                    _runtime.Stop(reason, () => LogAdapterStopped(_logger, reason));
                }
                else
                {
                    LogCallFailed(_logger, call.Method, needed is null ? error : $"{error} (needs {needed})", SlackErrors.Hint(error));
                }

                throw new SlackApiException(call.Method, error);
            }
        }
    }

    private static void AddIfSet(Dictionary<string, string> form, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            form[name] = value;
        }
    }

    private static string? NextCursor(JsonElement root) =>
        root.TryGetProperty("response_metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("next_cursor", out var next) && next.GetString() is { Length: > 0 } cursor
            ? cursor
            : null;

    private static JsonObject WithTarget(JsonObject message, string channel, string? threadTs)
    {
        var body = (JsonObject)message.DeepClone();
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        return body;
    }

    private static HttpContent Content(SlackCall call) =>
        call.Json is { } json
            ? new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json")
            : new FormUrlEncodedContent(call.Form ?? new Dictionary<string, string>());

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (wait is null && response.Headers.TryGetValues("Retry-After", out var raw) && int.TryParse(raw.FirstOrDefault(), out var seconds))
        {
            wait = TimeSpan.FromSeconds(seconds);
        }

        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, MaxRetryAfter.Ticks));
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds((500 * Math.Pow(2, attempt - 1)) + Random.Shared.Next(0, 250));

    private Task BackoffAsync(int attempt, CancellationToken cancellationToken) => DelayAsync(Backoff(attempt), cancellationToken);

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);

    private async Task WaitForMethodAsync(string method, CancellationToken cancellationToken)
    {
        if (_pausedUntil.TryGetValue(method, out var until))
        {
            var wait = until - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error} ({Hint})")]
    private static partial void LogCallFailed(ILogger logger, string method, string error, string hint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} rate limited (429); pausing that method for {Seconds} s (attempt {Attempt})")]
    private static partial void LogRateLimited(ILogger logger, string method, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} transient failure {Reason}; retrying (attempt {Attempt})")]
    private static partial void LogTransient(ILogger logger, string method, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} warning: {Warning}")]
    private static partial void LogWarning(ILogger logger, string method, string warning);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack adapter stopped: {Reason}. The host keeps running; /readyz shows this until the token is fixed and the pod restarted")]
    private static partial void LogAdapterStopped(ILogger logger, string reason);
}
