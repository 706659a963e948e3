using System.Globalization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using LiteDB;

namespace K8sBot.Core.Scoring;

/// <summary>Points, accuracy and daily streaks per user per tenant.</summary>
public sealed class ScoreStore(BotDatabase database, TenantCalendar calendar)
{
    internal const string CollectionName = "scores";

    /// <summary>Adds one answer. Takes the database so a caller can put many answers in one transaction.</summary>
    public void Record(ILiteDatabase db, TenantKey tenant, string userId, long points, bool correct, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        var collection = db.GetCollection<ScoreDocument>(CollectionName);
        var id = tenant.UserKey(userId);
        var doc = collection.FindById(id) ?? new ScoreDocument { Id = id, Tenant = tenant.ToString(), UserId = userId };
        RollOver(doc, calendar.WeekStart(at));
        doc.Points += points;
        doc.WeekPoints += points;
        doc.Answered++;
        if (correct)
        {
            doc.Correct++;
            var today = calendar.Day(at);
            var last = doc.LastCorrectDay is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
            if (last != today)
            {
                doc.CurrentStreak = last == today.AddDays(-1) ? doc.CurrentStreak + 1 : 1;
                doc.LastCorrectDay = TenantCalendar.Key(today);
            }

            doc.BestStreak = Math.Max(doc.BestStreak, doc.CurrentStreak);
        }

        collection.Upsert(doc);
    }

    public UserScore? Find(TenantKey tenant, string userId, DateTimeOffset now)
    {
        var doc = database.Collection<ScoreDocument>(CollectionName).FindById(tenant.UserKey(userId));
        return doc is null ? null : View(doc, now);
    }

    public IReadOnlyList<UserScore> All(TenantKey tenant, DateTimeOffset now)
    {
        var key = tenant.ToString();
        return [.. database.Collection<ScoreDocument>(CollectionName).Find(s => s.Tenant == key).Select(d => View(d, now))];
    }

    private UserScore View(ScoreDocument doc, DateTimeOffset now)
    {
        RollOver(doc, calendar.WeekStart(now));

        // A streak is current only while yesterday or today had a correct answer.
        var today = calendar.Day(now);
        var current = doc.LastCorrectDay is { } text && DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) >= today.AddDays(-1) ? doc.CurrentStreak : 0;
        return new UserScore(doc.UserId, doc.Points, doc.WeekPoints, doc.LastWeekPoints, doc.Answered, doc.Correct, current, doc.BestStreak);
    }

    private static void RollOver(ScoreDocument doc, DateOnly week)
    {
        var key = TenantCalendar.Key(week);
        if (doc.Week == key)
        {
            return;
        }

        var previous = TenantCalendar.Key(week.AddDays(-7));
        doc.LastWeekPoints = doc.Week == previous ? doc.WeekPoints : 0;
        doc.LastWeek = previous;
        doc.WeekPoints = 0;
        doc.Week = key;
    }
}
