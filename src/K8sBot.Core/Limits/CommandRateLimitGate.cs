using System.Collections.Concurrent;
using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Limits;

/// <summary>
/// Per-user token bucket (default 8 per 10 seconds). The first refused message gets one private
/// "slow down"; later ones are dropped silently until a token is free again, so a flood costs
/// the channel one line at most. The bucket is a few lines on <see cref="TimeProvider"/> instead of
/// System.Threading.RateLimiting's TokenBucketRateLimiter, whose refill reads the real stopwatch
/// even with manual replenishment, so it cannot be driven by a fake clock in tests.
/// </summary>
public sealed class CommandRateLimitGate(IOptions<LimitsOptions> options, TimeProvider time) : IMessageGate
{
    private static readonly LocalizedText SlowDown = new(
        "조금만 천천히요! 🙂 잠시 후에 다시 물어봐 주세요.",
        "Easy there! 🙂 Please wait a few seconds before the next command.");

    private readonly ConcurrentDictionary<string, UserBucket> _buckets = new(StringComparer.Ordinal);
    private readonly LimitsOptions _options = options.Value;

    public GateVerdict Check(IncomingMessage message, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Where.Platform == Platform.Console)
        {
            // One local person at a terminal (or a piped script) cannot flood anyone else.
            return GateVerdict.Pass;
        }

        var key = message.Where.Tenant.UserKey(message.User.Id);
        var bucket = _buckets.GetOrAdd(key, _ => new UserBucket(_options, time.GetTimestamp()));
        lock (bucket)
        {
            if (bucket.TryTake(time))
            {
                bucket.Warned = false;
                return GateVerdict.Pass;
            }

            if (bucket.Warned)
            {
                return GateVerdict.Silent;
            }

            bucket.Warned = true;
            return new GateVerdict(false, Reply.Text(SlowDown.For(lang), ReplyKind.Warning, ReplyVisibility.Private));
        }
    }

    private sealed class UserBucket(LimitsOptions options, long now)
    {
        private readonly double _perSecond = (double)options.CommandsPerWindow / options.CommandWindowSeconds;
        private double _tokens = options.CommandsPerWindow;
        private long _last = now;

        public bool Warned { get; set; }

        public bool TryTake(TimeProvider time)
        {
            var stamp = time.GetTimestamp();
            _tokens = Math.Min(options.CommandsPerWindow, _tokens + (time.GetElapsedTime(_last, stamp).TotalSeconds * _perSecond));
            _last = stamp;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
