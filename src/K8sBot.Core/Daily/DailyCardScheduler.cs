using System.Threading.Channels;
using K8sBot.Core.Messaging;
using K8sBot.Core.Timing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Daily;

/// <summary>
/// Keeps every owned subscription's next due instant in a priority queue, sleeps on the
/// <see cref="TimeProvider"/> until the earliest, and wakes early when a subscription changes.
/// Due channels are posted with bounded concurrency; the adapters' rate limiters pace each post.
/// </summary>
internal sealed partial class DailyCardScheduler : BackgroundService
{
    private readonly DailySubscriptionStore _store;
    private readonly DailyPoster _poster;
    private readonly TenantOwnership _ownership;
    private readonly TimeProvider _time;
    private readonly DailyOptions _options;
    private readonly ILogger<DailyCardScheduler> _logger;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();
    private readonly Dictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);

    public DailyCardScheduler(
        DailySubscriptionStore store,
        DailyPoster poster,
        TenantOwnership ownership,
        TimeProvider time,
        IOptions<DailyOptions> options,
        ILogger<DailyCardScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _poster = poster;
        _ownership = ownership;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _store.Changed += key => _changes.Writer.TryWrite(key);
    }

    /// <summary>Number of channels with a scheduled post (for status and tests).</summary>
    public int Scheduled => _due.Count;

    /// <summary>Raised when the scheduler has armed its timer and waits; tests await it instead of sleeping.</summary>
    public event Action? Idle;

    /// <summary>Builds the queue from every owned subscription.</summary>
    public static PriorityQueue<string, DateTimeOffset> Plan(IEnumerable<DailySubscription> subscriptions, DateTimeOffset now, Dictionary<string, DateTimeOffset> due)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(due);
        var queue = new PriorityQueue<string, DateTimeOffset>();
        foreach (var subscription in subscriptions)
        {
            if (DailyPlanner.NextDue(subscription, DailySchedule.Of(subscription), now) is { } at)
            {
                due[subscription.Id] = at;
                queue.Enqueue(subscription.Id, at);
            }
        }

        return queue;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var initial = Plan(_store.All().Where(Owned), _time.GetUtcNow(), _due);
        while (initial.TryDequeue(out var key, out var at))
        {
            _queue.Enqueue(key, at);
        }

        LogStarted(_logger, _due.Count);
        while (!stoppingToken.IsCancellationRequested)
        {
            DrainChanges();
            var now = _time.GetUtcNow();
            var batch = TakeDue(now);
            if (batch.Count > 0)
            {
                await PostAsync(batch, stoppingToken).ConfigureAwait(false);
                continue;
            }

            await SleepAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private bool Owned(DailySubscription subscription) =>
        Enum.TryParse<Platform>(subscription.Platform, out var platform) && _ownership.Owns(new TenantKey(platform, subscription.TenantId));

    private void DrainChanges()
    {
        while (_changes.Reader.TryRead(out var key))
        {
            Reschedule(key, _time.GetUtcNow());
        }
    }

    private void Reschedule(string key, DateTimeOffset now, DateTimeOffset? notBefore = null)
    {
        var subscription = _store.Find(key);
        if (subscription is null || !Owned(subscription) || DailyPlanner.NextDue(subscription, DailySchedule.Of(subscription), now) is not { } at)
        {
            _due.Remove(key);
            return;
        }

        if (notBefore is { } floor && at < floor)
        {
            at = floor;
        }

        // Older queue entries for the key stay behind and are skipped when dequeued.
        _due[key] = at;
        _queue.Enqueue(key, at);
    }

    private List<string> TakeDue(DateTimeOffset now)
    {
        var batch = new List<string>();
        while (_queue.TryPeek(out var key, out var at) && at <= now)
        {
            _queue.Dequeue();
            if (_due.TryGetValue(key, out var current) && current == at)
            {
                _due.Remove(key);
                batch.Add(key);
            }
        }

        return batch;
    }

    private async Task PostAsync(List<string> batch, CancellationToken stoppingToken)
    {
        var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            batch,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentPosts, CancellationToken = stoppingToken },
            async (key, ct) =>
            {
                try
                {
                    await _poster.RunAsync(key, manual: false, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    LogPostFailed(_logger, key, ex);
                    failed.Add(key);
                }
            }).ConfigureAwait(false);

        var now = _time.GetUtcNow();
        var backoff = now + TimeSpan.FromSeconds(_options.RetryBaseSeconds);
        foreach (var key in batch)
        {
            // An unexpected failure leaves the pending record in place; try it again after a pause, not in a hot loop.
            Reschedule(key, now, failed.Contains(key) ? backoff : null);
        }
    }

    private async Task SleepAsync(CancellationToken stoppingToken)
    {
        var due = _queue.TryPeek(out _, out var next) ? next : (DateTimeOffset?)null;
        if (due <= _time.GetUtcNow())
        {
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signal = _changes.Reader.WaitToReadAsync(wake.Token).AsTask();
        var delay = due is { } at ? DeadlineDelay.Until(_time, at, wake.Token) : Task.Delay(Timeout.InfiniteTimeSpan, _time, wake.Token);
        Idle?.Invoke();
        await Task.WhenAny(signal, delay).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(signal, delay).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // One of the two was cancelled because the other fired.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily scheduler started with {Count} scheduled channel(s)")]
    private static partial void LogStarted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily post for {Channel} failed unexpectedly; retrying later")]
    private static partial void LogPostFailed(ILogger logger, string channel, Exception exception);
}
