using System.Globalization;
using K8sBot.Core.Content;

namespace K8sBot.Core.Daily;

/// <summary>
/// Pure planning shared by the scheduler, <c>daily status</c> and <c>k8sbot daily plan</c>:
/// which instant is next due, which concept comes next.
/// </summary>
public static class DailyPlanner
{
    internal const string DateFormat = "yyyy-MM-dd";

    /// <summary>Weekly digests go out on the first posting occasion of a Monday.</summary>
    public const DayOfWeek DigestDay = DayOfWeek.Monday;

    /// <summary>
    /// The next instant this subscription has work (a card or a digest), which may be in the past
    /// when today's post is late. Only today and later are considered, so an outage never yields a backlog.
    /// </summary>
    internal static DateTimeOffset? NextDue(DailySubscription subscription, DailySchedule schedule, DateTimeOffset now)
    {
        if (subscription.PausedReason is not null)
        {
            return null;
        }

        var today = schedule.LocalDate(now);
        if (subscription.Pending is { State: PendingState.Pending })
        {
            // Finish what a crash interrupted before anything else.
            return Retry(subscription, now) ?? now;
        }

        var activeFrom = new DateTimeOffset(subscription.ActiveFromUtc, TimeSpan.Zero);
        for (var day = 0; day < 400; day++)
        {
            var date = today.AddDays(day);
            if (DayDone(subscription, date))
            {
                continue;
            }

            if (schedule.DueOn(date) is not { } due || due < activeFrom)
            {
                continue;
            }

            if (date == today && Retry(subscription, now) is { } retry)
            {
                return retry > due ? retry : due;
            }

            return due;
        }

        return null;
    }

    /// <summary>True when nothing is left to post for <paramref name="date"/>.</summary>
    internal static bool DayDone(DailySubscription subscription, DateOnly date) =>
        IsOnOrAfter(subscription.LastPostedDate, date) && (!DigestDueOn(subscription, date) || IsOnOrAfter(subscription.LastDigestDate, date));

    internal static bool DigestDueOn(DailySubscription subscription, DateOnly date) => subscription.Digest && date.DayOfWeek == DigestDay;

    /// <summary>The next concept of the current cycle in curriculum order; a new cycle once every concept was shown.</summary>
    public static ConceptCard? NextConcept(ContentCatalog catalog, IReadOnlyCollection<string> shown)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(shown);
        var set = shown as ISet<string> ?? new HashSet<string>(shown, StringComparer.Ordinal);
        foreach (var card in catalog.Concepts)
        {
            if (!set.Contains(card.Id))
            {
                return card;
            }
        }

        return catalog.Concepts.Count > 0 ? catalog.Concepts[0] : null;
    }

    /// <summary>Records <paramref name="conceptId"/> as shown; when that completes the cycle, the next one starts.</summary>
    internal static void MarkShown(DailySubscription subscription, ContentCatalog catalog, string conceptId)
    {
        var live = catalog.Concepts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        // Ids removed from the curriculum would keep a cycle from ever completing.
        subscription.Shown.RemoveAll(id => !live.Contains(id));
        if (live.Contains(conceptId) && !subscription.Shown.Contains(conceptId))
        {
            subscription.Shown.Add(conceptId);
        }

        if (live.Count > 0 && subscription.Shown.Count >= live.Count)
        {
            subscription.Shown.Clear();
            subscription.Cycle++;
        }
    }

    /// <summary>The posts a new subscription would make from <paramref name="from"/> for <paramref name="days"/> days.</summary>
    public static IReadOnlyList<PlannedPost> Plan(ContentCatalog catalog, DailySchedule schedule, DateOnly from, int days)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(schedule);
        var subscription = new DailySubscription();
        var posts = new List<PlannedPost>();
        for (var i = 0; i < days; i++)
        {
            var date = from.AddDays(i);
            if (schedule.DueOn(date) is not { } due || NextConcept(catalog, subscription.Shown) is not { } card)
            {
                continue;
            }

            posts.Add(new PlannedPost(date, due, card.Id, subscription.Cycle));
            MarkShown(subscription, catalog, card.Id);
        }

        return posts;
    }

    internal static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    internal static DateOnly? Parse(string? date)
    {
        // The stored shape is fixed; a hand-rolled parse keeps planning 10,000 channels cheap.
        if (date is [var y1, var y2, var y3, var y4, '-', var m1, var m2, '-', var d1, var d2]
            && Digits(y1, y2, y3, y4) && Digits(m1, m2, d1, d2))
        {
            var year = ((y1 - '0') * 1000) + ((y2 - '0') * 100) + ((y3 - '0') * 10) + (y4 - '0');
            var month = ((m1 - '0') * 10) + (m2 - '0');
            var day = ((d1 - '0') * 10) + (d2 - '0');
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    private static bool Digits(char a, char b, char c, char d) => char.IsAsciiDigit(a) && char.IsAsciiDigit(b) && char.IsAsciiDigit(c) && char.IsAsciiDigit(d);

    private static bool IsOnOrAfter(string? stored, DateOnly date) => Parse(stored) is { } d && d >= date;

    private static DateTimeOffset? Retry(DailySubscription subscription, DateTimeOffset now) =>
        subscription.RetryAtUtc is { } at && new DateTimeOffset(at, TimeSpan.Zero) > now ? new DateTimeOffset(at, TimeSpan.Zero) : null;
}
