using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using K8sBot.Core.Quiz;
using K8sBot.Core.Scoring;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

public sealed class ScoringTests : IDisposable
{
    private static readonly TenantKey Tenant = new(Platform.Console, "local");
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("Asia/Seoul", "2026-11-29T23:30:00+09:00", "2026-11-30T00:10:00+09:00")]
    [InlineData("America/New_York", "2026-11-29T23:30:00-05:00", "2026-11-30T00:10:00-05:00")]
    public async Task The_week_rolls_over_at_Monday_midnight_in_the_tenant_zone(string zone, string sundayNight, string mondayMorning)
    {
        var sunday = DateTimeOffset.Parse(sundayNight, System.Globalization.CultureInfo.InvariantCulture);
        var monday = DateTimeOffset.Parse(mondayMorning, System.Globalization.CultureInfo.InvariantCulture);
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(sunday), settings: new Dictionary<string, string?> { ["Scoring:TimeZone"] = zone });
        var scores = host.Get<ScoreStore>();
        var database = host.Get<BotDatabase>();

        database.InTransaction(db => { scores.Record(db, Tenant, "ann", 100, true, sunday); return 0; });
        Assert.Equal(100, scores.Find(Tenant, "ann", sunday)!.WeekPoints);

        // Forty minutes later it is Monday locally (still Sunday in UTC): a new week with last week kept.
        var before = scores.Find(Tenant, "ann", monday)!;
        Assert.Equal(0, before.WeekPoints);
        Assert.Equal(100, before.LastWeekPoints);

        database.InTransaction(db => { scores.Record(db, Tenant, "ann", 50, true, monday); return 0; });
        var after = scores.Find(Tenant, "ann", monday)!;
        Assert.Equal(50, after.WeekPoints);
        Assert.Equal(100, after.LastWeekPoints);
        Assert.Equal(150, after.Points);

        // Two weeks on, both the week and "last week" are empty; all-time stays.
        var later = scores.Find(Tenant, "ann", monday.AddDays(14))!;
        Assert.Equal((0, 0, 150), (later.WeekPoints, later.LastWeekPoints, later.Points));
    }

    [Fact]
    public async Task Daily_streaks_count_local_days_with_a_correct_answer()
    {
        // 23:50 and 00:10 in Seoul are different days even though they are 20 minutes apart.
        var day1 = new DateTimeOffset(2026, 12, 1, 23, 50, 0, TimeSpan.FromHours(9));
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(day1));
        var scores = host.Get<ScoreStore>();
        var database = host.Get<BotDatabase>();
        void Answer(DateTimeOffset at, bool correct) => database.InTransaction(db => { scores.Record(db, Tenant, "bo", correct ? 10 : 0, correct, at); return 0; });

        Answer(day1, true);
        Answer(day1.AddMinutes(20), true);
        Answer(day1.AddDays(1), false);
        Answer(day1.AddDays(1).AddMinutes(15), true);
        var three = scores.Find(Tenant, "bo", day1.AddDays(1).AddMinutes(16))!;
        Assert.Equal((3, 3), (three.CurrentStreak, three.BestStreak));
        Assert.Equal((4, 3), (three.Answered, three.Correct));

        // A day with no correct answer breaks it; the best is kept.
        Answer(day1.AddDays(4), true);
        var broken = scores.Find(Tenant, "bo", day1.AddDays(4))!;
        Assert.Equal((1, 3), (broken.CurrentStreak, broken.BestStreak));
        Assert.Equal(0, scores.Find(Tenant, "bo", day1.AddDays(7))!.CurrentStreak);
    }

    [Fact]
    public void Ranks_are_shared_on_ties_and_skip_after()
    {
        var ranked = Ranking.Rank([("a", 300.0), ("b", 200.0), ("c", 200.0), ("d", 100.0)], x => x.Item2, x => x.Item1);

        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public async Task Leaderboard_shows_ties_the_callers_rank_and_team_averages()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.FromHours(9));
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(now));
        var scores = host.Get<ScoreStore>();
        var profiles = host.Get<UserProfileStore>();
        var teams = host.Get<TeamStore>();
        foreach (var (id, points) in new[] { ("ann", 300), ("bo", 200), ("cy", 200), ("di", 100) })
        {
            profiles.Touch(Tenant, new ChatUser(id, id.ToUpperInvariant()));
            host.Get<BotDatabase>().InTransaction(db => { scores.Record(db, Tenant, id, points, true, now); return 0; });
        }

        teams.Join(Tenant, "ann", "Blue", "blue");
        teams.Join(Tenant, "di", "Blue", "blue");
        teams.Join(Tenant, "bo", "Red", "red");
        teams.Join(Tenant, "eve", "Red", "red"); // never played: not counted in the average

        var core = host.Get<IChatCore>();
        var where = new ConversationAddress(Platform.Console, "local", "c1");
        var people = await core.HandleAsync(IncomingMessage.FromText(where, new ChatUser("cy", "CY", "en"), "leaderboard week people", now), default);
        var text = string.Join('\n', people[0].Blocks.Select(Render));
        Assert.Contains("🥇 **ANN** 300", text, StringComparison.Ordinal);
        Assert.Contains("🥈 **BO** 200", text, StringComparison.Ordinal);
        Assert.Contains("🥈 **CY** 200", text, StringComparison.Ordinal);
        Assert.Contains("4. **DI** 100", text, StringComparison.Ordinal);
        Assert.Contains("Your rank: #2 (200 points)", text, StringComparison.Ordinal);

        var board = host.Get<Leaderboard>().Teams(Tenant, LeaderboardPeriod.All, now);
        Assert.Equal(2, board.Count);
        Assert.All(board, r => Assert.Equal(1, r.Rank));
        Assert.Equal((200.0, 2), (board.Single(r => r.Item.Key == "blue").Item.Points, board.Single(r => r.Item.Key == "blue").Item.Members));
        Assert.Equal((200.0, 1), (board.Single(r => r.Item.Key == "red").Item.Points, board.Single(r => r.Item.Key == "red").Item.Members));
    }

    [Fact]
    public async Task Score_reads_a_mention_or_a_display_name()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(now));
        host.Get<UserProfileStore>().Touch(Tenant, new ChatUser("U123", "Mina"));
        host.Get<BotDatabase>().InTransaction(db => { host.Get<ScoreStore>().Record(db, Tenant, "U123", 700, true, now); return 0; });
        var core = host.Get<IChatCore>();
        var where = new ConversationAddress(Platform.Console, "local", "c1");

        foreach (var arg in new[] { "<@U123|mina>", "<@U123>", "mina" })
        {
            var reply = await core.HandleAsync(IncomingMessage.FromText(where, new ChatUser("x", "X", "en"), "score " + arg, now), default);
            Assert.Contains("all time 700", reply[0].Fallback, StringComparison.Ordinal);
        }

        var missing = await core.HandleAsync(IncomingMessage.FromText(where, new ChatUser("x", "X", "en"), "score @everyone", now), default);
        Assert.Contains("couldn't find", missing[0].Fallback, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", missing[0].Blocks.OfType<MarkdownBlock>().Single().Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  Blue   Team ", "Blue Team", "blue team")]
    [InlineData("쿠버<네티스>", "쿠버네티스", "쿠버네티스")]
    public void Team_names_are_normalised(string input, string display, string key)
    {
        Assert.True(TeamName.TryNormalize(input, out var shown, out var normalised));
        Assert.Equal((display, key), (shown, normalised));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<>!!")]
    [InlineData("abcdefghijklmnopqrstuvwxyz")]
    public void Unusable_team_names_are_refused(string input) => Assert.False(TeamName.TryNormalize(input, out _, out _));

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(2000, 950)]
    [InlineData(10000, 750)]
    [InlineData(20000, 500)]
    [InlineData(25000, 500)]
    public void A_correct_answer_scores_by_speed(int elapsedMs, int expected) =>
        Assert.Equal(expected, MatchScoring.Base(TimeSpan.FromMilliseconds(elapsedMs), TimeSpan.FromSeconds(20)));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 100)]
    [InlineData(3, 200)]
    [InlineData(6, 500)]
    [InlineData(9, 500)]
    public void The_streak_bonus_grows_by_100_and_caps_at_500(int streak, int bonus) => Assert.Equal(bonus, MatchScoring.StreakBonus(streak));

    private static string Render(Block block) => block switch
    {
        MarkdownBlock m => m.Markdown,
        ContextBlock c => c.Markdown,
        TitleBlock t => t.Text,
        _ => string.Empty,
    };
}
