using System.Diagnostics;
using System.Globalization;
using K8sBot.Discord.Tests.Fakes;

namespace K8sBot.Benchmarks.Daily;

/// <summary>
/// Answers the loopback fake Discord's REST calls the way Discord enforces its limits: at most
/// <see cref="GlobalPerSecond"/> accepted requests in ANY one-second window (a sliding window, the
/// strictest reading of "50 per second"), and <see cref="ChannelLimit"/> messages per channel per
/// <see cref="ChannelWindow"/> (a bucket that starts with the first message). Over a limit it
/// answers 429 with <c>retry_after</c> and the <c>X-RateLimit-*</c> headers shaped like Discord's
/// documented examples; every success carries the bucket headers (limit, remaining, reset, reset-after).
/// </summary>
internal sealed class RateLimitedDiscord
{
    public const int GlobalPerSecond = 50;
    public const int ChannelLimit = 5;
    public static readonly TimeSpan ChannelWindow = TimeSpan.FromSeconds(5);
    private const string MessagesBucket = "80c17d2f203122d936070c88c8d10f33";

    private readonly Lock _lock = new();
    private readonly Queue<long> _accepted = new();
    private readonly Dictionary<string, (long Start, int Count)> _channels = new(StringComparer.Ordinal);
    private long _nextId = 1_100_000_000_000_000_000;
    private int _posted;
    private int _globalLimited;
    private int _channelLimited;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;

    public int Posted => Volatile.Read(ref _posted);

    public int GlobalLimited => Volatile.Read(ref _globalLimited);

    public int ChannelLimited => Volatile.Read(ref _channelLimited);

    public int Limited => GlobalLimited + ChannelLimited;

    /// <summary>Completes when <paramref name="expected"/> messages have been accepted.</summary>
    public Task Expect(int expected)
    {
        lock (_lock)
        {
            _expected = expected;
            _posted = 0;
            _globalLimited = 0;
            _channelLimited = 0;
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _done.Task;
        }
    }

    public FakeResponse Respond(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = request.Path.Split('/');
        var isMessage = request.Method == "POST" && segments is [_, "channels", _, "messages"];
        var channel = isMessage ? segments[2] : string.Empty;
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            while (_accepted.TryPeek(out var at) && Stopwatch.GetElapsedTime(at, now) >= TimeSpan.FromSeconds(1))
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count >= GlobalPerSecond)
            {
                _globalLimited++;
                var retry = TimeSpan.FromSeconds(1) - Stopwatch.GetElapsedTime(_accepted.Peek(), now);
                return new FakeResponse(
                    429,
                    $$"""{"message":"You are being rate limited.","retry_after":{{Seconds(retry)}},"global":true}""",
                    new Dictionary<string, string>
                    {
                        ["Retry-After"] = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                        ["X-RateLimit-Global"] = "true",
                        ["X-RateLimit-Scope"] = "global",
                    });
            }

            if (!isMessage)
            {
                _accepted.Enqueue(now);
                return new FakeResponse(200, "{}");
            }

            var (start, count) = _channels.TryGetValue(channel, out var state) && Stopwatch.GetElapsedTime(state.Start, now) < ChannelWindow ? state : (now, 0);
            var resetAfter = ChannelWindow - Stopwatch.GetElapsedTime(start, now);
            if (count >= ChannelLimit)
            {
                _channelLimited++;
                return new FakeResponse(
                    429,
                    $$"""{"message":"You are being rate limited.","retry_after":{{Seconds(resetAfter)}},"global":false}""",
                    BucketHeaders(0, resetAfter, scope: "user", retryAfter: resetAfter));
            }

            _accepted.Enqueue(now);
            _channels[channel] = (start, count + 1);
            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            if (++_posted == _expected)
            {
                _done.TrySetResult();
            }

            return new FakeResponse(200, $$"""{"id":"{{id}}","channel_id":"{{channel}}","type":0}""", BucketHeaders(ChannelLimit - count - 1, resetAfter, scope: null, retryAfter: null));
        }
    }

    private static Dictionary<string, string> BucketHeaders(int remaining, TimeSpan resetAfter, string? scope, TimeSpan? retryAfter)
    {
        var headers = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = ChannelLimit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = Seconds(TimeSpan.FromMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) + resetAfter),
            ["X-RateLimit-Reset-After"] = Seconds(resetAfter),
            ["X-RateLimit-Bucket"] = MessagesBucket,
        };
        if (scope is not null)
        {
            headers["X-RateLimit-Scope"] = scope;
        }

        if (retryAfter is { } retry)
        {
            headers["Retry-After"] = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return headers;
    }

    private static string Seconds(TimeSpan span) => Math.Max(span.TotalSeconds, 0).ToString("0.000", CultureInfo.InvariantCulture);
}
