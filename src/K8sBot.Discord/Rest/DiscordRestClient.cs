using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using K8sBot.Core.Telemetry;
using K8sBot.Discord.Configuration;
using K8sBot.Discord.Status;
using K8sBot.Discord.Timing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Discord.Rest;

/// <summary>
/// The one HTTP client for Discord's REST API: per-route buckets learnt from
/// <c>X-RateLimit-Bucket</c> and split by major parameter, the global 50/s, 429s honoured
/// (<c>retry_after</c>, global or bucket), jittered retries for 5xx and network errors only,
/// a guard against invalid-request bans, and a 401 that stops the adapter.
/// </summary>
internal sealed partial class DiscordRestClient
{
    private const int MaxRetries = 3;
    private const int MaxRateLimitRetries = 3;
    private const int BucketCacheSize = 5_000;
    private static readonly TimeSpan TrimEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BucketIdle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloudflareCooldown = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly Pacer _pacer;
    private readonly BotMetrics _metrics;
    private readonly DiscordStatus _status;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly GlobalRateLimit _global;
    private readonly InvalidRequestGuard _guard;
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly string _baseUrl;
    private long _nextTrimTicks;
    private int _trimming;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, Pacer pacer, BotMetrics metrics, DiscordStatus status, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _pacer = pacer;
        _metrics = metrics;
        _status = status;
        _logger = logger;
        _global = new GlobalRateLimit(pacer);
        _guard = new InvalidRequestGuard(pacer);
        _baseUrl = _options.ApiBaseUrl.TrimEnd('/');
    }

    public string BaseUrl => _baseUrl;

    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        var route = RestRoute.Parse(method, path);
        var payload = body?.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            if (_status.IsStopped && !route.GlobalExempt)
            {
                throw new DiscordRestException(401, 0, "The Discord adapter is stopped: " + _status.Reason);
            }

            if (_guard.IsTripped)
            {
                throw new DiscordRestException(0, 0, "Too many invalid Discord responses in the last 10 minutes; requests are paused to avoid a ban.");
            }

            var bucket = BucketFor(route);
            await bucket.AcquireAsync(_pacer, cancellationToken);
            TimeSpan retryAfter;
            try
            {
                using var request = new HttpRequestMessage(method, _baseUrl + path);
                if (!string.IsNullOrEmpty(_options.Token))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
                }

                request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://github.com/k8sbot/k8sbot, 1.0)");
                if (payload is not null)
                {
                    request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                }

                if (!route.GlobalExempt)
                {
                    await _global.WaitAsync(cancellationToken);
                }

                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException ex) when (attempt <= MaxRetries)
                {
                    LogRetry(_logger, route.Key, 0, attempt, ex.Message);
                    retryAfter = Backoff.For(attempt, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
                    goto Wait;
                }
                catch (HttpRequestException ex)
                {
                    throw new DiscordRestException(0, 0, $"Discord {route.Key} failed: network error", ex);
                }
                finally
                {
                    if (!route.GlobalExempt)
                    {
                        _global.Complete();
                    }
                }

                using (response)
                {
                    var now = _pacer.Now;
                    var limits = Learn(route, RateLimitBucket.Header(response, "X-RateLimit-Bucket"), bucket);
                    limits.Update(response, now);

                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        return text.Length == 0 ? null : JsonNode.Parse(text);
                    }

                    var error = ParseError(text);
                    if (status == 429)
                    {
                        retryAfter = HandleRateLimited(response, error, limits, route, now);
                        if (attempt > MaxRateLimitRetries)
                        {
                            throw new DiscordRestException(429, error.Code, $"Discord {route.Key} stayed rate limited");
                        }

                        goto Wait;
                    }

                    if (status >= 500 && attempt <= MaxRetries)
                    {
                        LogRetry(_logger, route.Key, status, attempt, error.Message);
                        retryAfter = Backoff.For(attempt, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
                        goto Wait;
                    }

                    if (status is 401 or 403)
                    {
                        _guard.Count();
                    }

                    if (status == 401 && !route.GlobalExempt && _status.Stop("Discord rejected the bot token (HTTP 401)"))
                    {
                        LogUnauthorized(_logger, route.Key);
                    }

                    throw new DiscordRestException(status, error.Code, $"Discord {route.Key} returned {status}: {error.Message}");
                }
            }
            finally
            {
                bucket.Release();
                Trim();
            }

        Wait:
            await _pacer.DelayAsync(retryAfter, "retry", cancellationToken);
        }
    }

    private TimeSpan HandleRateLimited(HttpResponseMessage response, RestError error, RateLimitBucket bucket, RestRoute route, DateTimeOffset now)
    {
        var scope = RateLimitBucket.Header(response, "X-RateLimit-Scope") ?? (error.Global ? "global" : "unknown");
        var global = error.Global || string.Equals(RateLimitBucket.Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        var wait = error.RetryAfter
            ?? (double.TryParse(RateLimitBucket.Header(response, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var header) ? TimeSpan.FromSeconds(header) : CloudflareCooldown);
        if (scope != "shared")
        {
            _guard.Count();
        }

        _metrics.RateLimited.Add(1, new KeyValuePair<string, object?>("platform", "discord"), new KeyValuePair<string, object?>("scope", global ? "global" : scope));
        if (global)
        {
            _global.Pause(wait);
        }
        else
        {
            bucket.Block(wait, now);
        }

        LogRateLimited(_logger, route.Key, global ? "global" : scope, wait.TotalSeconds);
        return TimeSpan.Zero;
    }

    /// <summary>
    /// Records the bucket hash Discord named for this route; the bucket the request used becomes the
    /// hash's bucket for this major parameter (or the existing one does), so limits learnt from this
    /// response apply to the next request on any route sharing the hash.
    /// </summary>
    private RateLimitBucket Learn(RestRoute route, string? hash, RateLimitBucket used)
    {
        if (hash is null)
        {
            return used;
        }

        _hashes[route.Key] = hash;
        return _buckets.GetOrAdd(hash + "|" + route.Major, used);
    }

    private RateLimitBucket BucketFor(RestRoute route)
    {
        var id = (_hashes.TryGetValue(route.Key, out var hash) ? hash : route.Key) + "|" + route.Major;
        return _buckets.GetOrAdd(id, static _ => new RateLimitBucket());
    }

    private void Trim()
    {
        // Interaction and webhook routes make a bucket per token; forget the idle ones. The sweep is
        // time-gated so a busy shard never pays for a scan of every bucket on every request.
        var now = _pacer.Now;
        if (_buckets.Count <= BucketCacheSize || now.UtcTicks < Volatile.Read(ref _nextTrimTicks) || Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _nextTrimTicks, (now + TrimEvery).UtcTicks);
            var cutoff = now - BucketIdle;
            foreach (var (key, bucket) in _buckets)
            {
                if (!bucket.InUse && bucket.LastUsed < cutoff)
                {
                    _buckets.TryRemove(key, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private static RestError ParseError(string text)
    {
        try
        {
            if (text.Length > 0 && JsonNode.Parse(text) is JsonObject body)
            {
                var retry = body["retry_after"] is JsonValue v && v.TryGetValue<double>(out var seconds) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
                var global = body["global"] is JsonValue g && g.TryGetValue<bool>(out var isGlobal) && isGlobal;
                var code = body["code"] is JsonValue c && c.TryGetValue<int>(out var number) ? number : 0;
                return new RestError(code, body["message"]?.ToString() ?? string.Empty, retry, global);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Cloudflare answers with HTML; treat it as a message-less error.
        }

        return new RestError(0, text.Length > 200 ? text[..200] : text, null, false);
    }

    private sealed record RestError(int Code, string Message, TimeSpan? RetryAfter, bool Global);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Route} ({Scope}); waiting {Seconds:0.###} s")]
    private static partial void LogRateLimited(ILogger logger, string route, string scope, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord {Route} failed with {Status} ({Reason}); retry {Attempt}")]
    private static partial void LogRetry(ILogger logger, string route, int status, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token (401 on {Route}); the Discord adapter is stopped. Set a valid Discord:Token and restart.")]
    private static partial void LogUnauthorized(ILogger logger, string route);
}
