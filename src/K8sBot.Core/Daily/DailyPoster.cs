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
/// record with a deterministic idempotency key and the platform's delivery ticket is stored before
/// the post and marked posted after it. A pending record found later is first checked with the
/// platform (<see cref="ITrackedPublisher"/>) and re-posted only when it did not land (or the
/// platform cannot tell), with the same key so Discord still drops a duplicate in its nonce window.
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
            // A crash on an earlier day. Re-posting it now would be a backlog, so the day is closed
            // either way; the platform only decides whether its concept counts as shown.
            if (await StaleStateAsync(subscription, schedule, stale, cancellationToken).ConfigureAwait(false) == DeliveryState.NotDelivered)
            {
                LogStaleNotDelivered(logger, channelKey, stale.LocalDate);
                CloseDayUnposted(subscription, stale);
            }
            else
            {
                LogStalePending(logger, channelKey, stale.LocalDate);
                Complete(subscription, stale);
            }

            store.Save(subscription);
        }

        if (manual && subscription.Pending is not { State: PendingState.Pending } && DailyPlanner.Parse(subscription.LastPostedDate) >= today)
        {
            return DailyRunResult.AlreadyPosted;
        }

        for (var step = 0; step < 3; step++)
        {
            var resumed = subscription.Pending is { State: PendingState.Pending };
            var pending = resumed ? subscription.Pending : NextPost(subscription, schedule, now, today, todayText, manual);
            if (pending is null)
            {
                return result;
            }

            result = await PublishAsync(subscription, schedule, pending, resumed, cancellationToken).ConfigureAwait(false);
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

    private async Task<DailyRunResult> PublishAsync(DailySubscription subscription, DailySchedule schedule, PendingPost pending, bool resumed, CancellationToken cancellationToken)
    {
        var where = DailySubscriptionStore.AddressOf(subscription);
        var reply = await BuildAsync(subscription, schedule, pending, where, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            Complete(subscription, pending);
            store.Save(subscription);
            return DailyRunResult.Posted;
        }

        var tracked = publisher as ITrackedPublisher;
        if (resumed && tracked is not null && TicketOf(pending) is { } earlier)
        {
            // The record was stored before an attempt whose outcome this process never saw (a crash,
            // a timeout): ask the platform before posting again.
            DeliveryState state;
            try
            {
                state = await tracked.CheckAsync(where, reply, earlier, cancellationToken).ConfigureAwait(false);
            }
            catch (PublishException ex) when (ex.IsPermanent)
            {
                return Pause(subscription, where, ex);
            }
            catch (PublishException ex)
            {
                return Failed(subscription, pending, ex);
            }

            if (state == DeliveryState.Delivered)
            {
                LogConfirmed(logger, subscription.Id, pending.LocalDate);
                Complete(subscription, pending);
                store.Save(subscription);
                Count(where, "confirmed");
                return DailyRunResult.Posted;
            }

            if (state == DeliveryState.Undecided)
            {
                subscription.RetryAtUtc = (time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.RetryBaseSeconds)).UtcDateTime;
                store.Save(subscription);
                LogUndecided(logger, subscription.Id, pending.LocalDate);
                return DailyRunResult.Retrying;
            }

            // NotDelivered or Unknown: a fresh attempt with the same key (Discord still drops a
            // duplicate inside its nonce window when the answer was Unknown).
        }

        if (!resumed)
        {
            pending.FollowsUtc = subscription.Pending?.PostAtUtc;
        }

        var now = time.GetUtcNow();
        var follows = pending.FollowsUtc is { } f ? new DateTimeOffset(f, TimeSpan.Zero) : (DateTimeOffset?)null;
        var ticket = tracked?.Issue(where, pending.Key, now, follows) ?? new DeliveryTicket(pending.Key, now);
        pending.IssuedAtUtc = ticket.IssuedAt.UtcDateTime;
        pending.PostAtUtc = ticket.PostAt?.UtcDateTime;

        // The pending record (with its ticket) must be durable before the platform can see the message.
        pending.State = PendingState.Pending;
        subscription.Pending = pending;
        store.Save(subscription);
        try
        {
            if (tracked is not null)
            {
                await tracked.PostTrackedAsync(where, reply, ticket, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await publisher.PostAsync(where, reply, pending.Key, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PublishException ex) when (ex.IsPermanent)
        {
            return Pause(subscription, where, ex);
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

    private async Task<DeliveryState> StaleStateAsync(DailySubscription subscription, DailySchedule schedule, PendingPost stale, CancellationToken cancellationToken)
    {
        if (publisher is not ITrackedPublisher tracked || TicketOf(stale) is not { } ticket)
        {
            return DeliveryState.Unknown;
        }

        var where = DailySubscriptionStore.AddressOf(subscription);
        try
        {
            var reply = await BuildAsync(subscription, schedule, stale, where, cancellationToken).ConfigureAwait(false);
            return reply is null ? DeliveryState.Unknown : await tracked.CheckAsync(where, reply, ticket, cancellationToken).ConfigureAwait(false);
        }
        catch (PublishException)
        {
            // Today's post must not wait on yesterday's question.
            return DeliveryState.Unknown;
        }
    }

    private static DeliveryTicket? TicketOf(PendingPost pending) =>
        pending.IssuedAtUtc is { } issued
            ? new DeliveryTicket(pending.Key, new DateTimeOffset(issued, TimeSpan.Zero), pending.PostAtUtc is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null)
            : null;

    private DailyRunResult Pause(DailySubscription subscription, ConversationAddress where, PublishException ex)
    {
        subscription.PausedReason = ex.Failure.ToString();
        subscription.PausedAtUtc = time.GetUtcNow().UtcDateTime;
        store.Save(subscription);
        LogPaused(logger, subscription.Id, ex.Failure);
        Count(where, "paused");
        return DailyRunResult.Paused;
    }

    /// <summary>The day is over for this post, but the platform never showed it: its concept stays unshown.</summary>
    private static void CloseDayUnposted(DailySubscription subscription, PendingPost pending)
    {
        if (pending.Kind == DailyPostKind.Card)
        {
            subscription.LastPostedDate = pending.LocalDate;
        }
        else
        {
            subscription.LastDigestDate = pending.LocalDate;
        }

        subscription.Pending = null;
        subscription.Attempts = 0;
        subscription.RetryAtUtc = null;
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
            CloseDayUnposted(subscription, pending);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily post for {Channel} on {Date} was interrupted, and the platform confirms it landed; not posting it again")]
    private static partial void LogConfirmed(ILogger logger, string channel, string date);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily post for {Channel} on {Date} is due on the platform but not visible yet; checking again shortly")]
    private static partial void LogUndecided(ILogger logger, string channel, string date);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily post for {Channel} on {Date} was interrupted and never reached the platform; the day is skipped (no backlog) and its concept stays unshown")]
    private static partial void LogStaleNotDelivered(ILogger logger, string channel, string date);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily post for {Channel} on {Date} was interrupted and cannot be confirmed; not re-posting an old day")]
    private static partial void LogStalePending(ILogger logger, string channel, string date);
}
