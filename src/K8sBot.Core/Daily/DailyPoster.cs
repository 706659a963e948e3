using System.Security.Cryptography;
using System.Text;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Daily;

/// <summary>
/// Posts one channel's due card (and Monday's digest) exactly once per local day: a pending
/// record with a deterministic idempotency key is stored before the post and marked posted after
/// it; a pending record found later is re-posted with the same key so the platform drops a duplicate.
/// </summary>
internal sealed partial class DailyPoster(
    DailySubscriptionStore store,
    ContentCatalog catalog,
    DailyCardPresenter presenter,
    IWeeklyDigestSource digestSource,
    IChatPublisher publisher,
    TimeProvider time,
    IOptions<DailyOptions> options,
    BotMetrics metrics,
    ILogger<DailyPoster> logger)
{
    // Striped so "daily now" and the scheduler never work on one channel at the same time.
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Does whatever is due for the channel now; with <paramref name="manual"/> posts today's card even before its time.</summary>
    public async Task<DailyRunResult> RunAsync(string channelKey, bool manual, CancellationToken cancellationToken)
    {
        var gate = _locks[(StringComparer.Ordinal.GetHashCode(channelKey) & int.MaxValue) % _locks.Length];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunLockedAsync(channelKey, manual, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The idempotency key of a post: ≤ 25 characters, the same for the same channel, day and kind.</summary>
    public static string KeyFor(string channelKey, string localDate, DailyPostKind kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{channelKey}|{localDate}|{kind}"));
        return (kind == DailyPostKind.Card ? "dc" : "dd") + Convert.ToHexStringLower(hash)[..22];
    }

    private async Task<DailyRunResult> RunLockedAsync(string channelKey, bool manual, CancellationToken cancellationToken)
    {
        var subscription = store.Find(channelKey);
        if (subscription is null || subscription.PausedReason is not null)
        {
            return DailyRunResult.NothingDue;
        }

        var schedule = DailySchedule.Of(subscription);
        var now = time.GetUtcNow();
        var today = schedule.LocalDate(now);
        var todayText = DailyPlanner.Format(today);
        var result = DailyRunResult.NothingDue;

        if (subscription.Pending is { State: PendingState.Pending } stale && DailyPlanner.Parse(stale.LocalDate) < today)
        {
            // A crash on an earlier day: whether that post landed is unknown, and re-posting it
            // now would be a backlog (and a duplicate if it landed). Count it and move on.
            LogStalePending(logger, channelKey, stale.LocalDate);
            Complete(subscription, stale);
            store.Save(subscription);
        }

        if (manual && subscription.Pending is not { State: PendingState.Pending } && DailyPlanner.Parse(subscription.LastPostedDate) >= today)
        {
            return DailyRunResult.AlreadyPosted;
        }

        for (var step = 0; step < 3; step++)
        {
            var pending = subscription.Pending is { State: PendingState.Pending } p ? p : NextPost(subscription, schedule, now, today, todayText, manual);
            if (pending is null)
            {
                return result;
            }

            result = await PublishAsync(subscription, schedule, pending, cancellationToken).ConfigureAwait(false);
            if (result != DailyRunResult.Posted)
            {
                return result;
            }
        }

        return result;
    }

    private PendingPost? NextPost(DailySubscription subscription, DailySchedule schedule, DateTimeOffset now, DateOnly today, string todayText, bool manual)
    {
        if (!manual && (DailyPlanner.NextDue(subscription, schedule, now) is not { } due || due > now))
        {
            return null;
        }

        if (DailyPlanner.Parse(subscription.LastPostedDate) is not { } last || last < today)
        {
            if (DailyPlanner.NextConcept(catalog, subscription.Shown) is not { } card)
            {
                return null;
            }

            return new PendingPost { Kind = DailyPostKind.Card, LocalDate = todayText, ConceptId = card.Id, Key = KeyFor(subscription.Id, todayText, DailyPostKind.Card) };
        }

        if (!manual && DailyPlanner.DigestDueOn(subscription, today) && (DailyPlanner.Parse(subscription.LastDigestDate) is not { } digest || digest < today))
        {
            return new PendingPost { Kind = DailyPostKind.Digest, LocalDate = todayText, Key = KeyFor(subscription.Id, todayText, DailyPostKind.Digest) };
        }

        return null;
    }

    private async Task<DailyRunResult> PublishAsync(DailySubscription subscription, DailySchedule schedule, PendingPost pending, CancellationToken cancellationToken)
    {
        var where = DailySubscriptionStore.AddressOf(subscription);
        var reply = await BuildAsync(subscription, schedule, pending, where, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            Complete(subscription, pending);
            store.Save(subscription);
            return DailyRunResult.Posted;
        }

        // The pending record must be durable before the platform can see the message.
        pending.State = PendingState.Pending;
        subscription.Pending = pending;
        store.Save(subscription);
        try
        {
            await publisher.PostAsync(where, reply, pending.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (PublishException ex) when (ex.IsPermanent)
        {
            subscription.PausedReason = ex.Failure.ToString();
            subscription.PausedAtUtc = time.GetUtcNow().UtcDateTime;
            store.Save(subscription);
            LogPaused(logger, subscription.Id, ex.Failure);
            Count(where, "paused");
            return DailyRunResult.Paused;
        }
        catch (PublishException ex)
        {
            return Failed(subscription, pending, ex);
        }

        Complete(subscription, pending);
        store.Save(subscription);
        Count(where, pending.Kind == DailyPostKind.Card ? "posted" : "digest");
        return DailyRunResult.Posted;
    }

    private DailyRunResult Failed(DailySubscription subscription, PendingPost pending, PublishException ex)
    {
        var where = DailySubscriptionStore.AddressOf(subscription);
        if (subscription.AttemptDate != pending.LocalDate)
        {
            subscription.AttemptDate = pending.LocalDate;
            subscription.Attempts = 0;
        }

        subscription.Attempts++;
        if (ex.Failure == PublishFailure.Rejected || subscription.Attempts >= options.Value.MaxAttemptsPerDay)
        {
            // Nothing was posted (the platform said so), so the concept is not consumed.
            LogGaveUp(logger, subscription.Id, pending.LocalDate, subscription.Attempts, ex.Failure);
            if (pending.Kind == DailyPostKind.Card)
            {
                subscription.LastPostedDate = pending.LocalDate;
            }
            else
            {
                subscription.LastDigestDate = pending.LocalDate;
            }

            subscription.Pending = null;
            subscription.RetryAtUtc = null;
            store.Save(subscription);
            Count(where, "gave_up");
            return DailyRunResult.GaveUpToday;
        }

        var delay = TimeSpan.FromSeconds(options.Value.RetryBaseSeconds * Math.Pow(2, subscription.Attempts - 1));
        subscription.RetryAtUtc = (time.GetUtcNow() + delay).UtcDateTime;
        store.Save(subscription);
        LogRetrying(logger, subscription.Id, subscription.Attempts, delay, ex.Failure);
        Count(where, "retry");
        return DailyRunResult.Retrying;
    }

    private void Complete(DailySubscription subscription, PendingPost pending)
    {
        if (pending.Kind == DailyPostKind.Card)
        {
            subscription.LastPostedDate = pending.LocalDate;
            if (pending.ConceptId is { } concept)
            {
                DailyPlanner.MarkShown(subscription, catalog, concept);
            }
        }
        else
        {
            subscription.LastDigestDate = pending.LocalDate;
        }

        pending.State = PendingState.Posted;
        subscription.Pending = pending;
        subscription.Attempts = 0;
        subscription.RetryAtUtc = null;
    }

    private async Task<Reply?> BuildAsync(DailySubscription subscription, DailySchedule schedule, PendingPost pending, ConversationAddress where, CancellationToken cancellationToken)
    {
        var lang = LangExtensions.TryParse(subscription.Lang, out var l) ? l : Lang.Ko;
        if (pending.Kind == DailyPostKind.Card)
        {
            var card = pending.ConceptId is { } id ? catalog.Find(id) : null;
            return card is null ? null : presenter.Card(card, lang, ShownBefore(subscription));
        }

        var date = DailyPlanner.Parse(pending.LocalDate) ?? schedule.LocalDate(time.GetUtcNow());
        var to = schedule.StartOfDay(date);
        var from = schedule.StartOfDay(date.AddDays(-7));
        var leaders = await digestSource.TopFiveAsync(where.Tenant, from, to, cancellationToken).ConfigureAwait(false);
        var worst = await digestSource.WorstConceptsAsync(where, from, to, cancellationToken).ConfigureAwait(false);
        return presenter.Digest(lang, leaders, worst);
    }

    private int ShownBefore(DailySubscription subscription)
    {
        var all = catalog.Concepts.Count;
        var shown = subscription.Shown.Count(id => catalog.Find(id) is not null);
        return Math.Min(shown, Math.Max(all - 1, 0));
    }

    private void Count(ConversationAddress where, string outcome) =>
        metrics.DailyPosts.Add(1, new KeyValuePair<string, object?>("platform", where.Platform.ToString().ToLowerInvariant()), new KeyValuePair<string, object?>("outcome", outcome));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily subscription {Channel} paused: the platform reported {Failure}")]
    private static partial void LogPaused(ILogger logger, string channel, PublishFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily post for {Channel} failed ({Failure}); attempt {Attempt}, retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string channel, int attempt, TimeSpan delay, PublishFailure failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily post for {Channel} on {Date} given up after {Attempts} attempt(s) ({Failure})")]
    private static partial void LogGaveUp(ILogger logger, string channel, string date, int attempts, PublishFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily post for {Channel} on {Date} was interrupted and cannot be confirmed; not re-posting an old day")]
    private static partial void LogStalePending(ILogger logger, string channel, string date);
}
