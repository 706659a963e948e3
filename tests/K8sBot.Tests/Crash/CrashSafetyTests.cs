using System.Globalization;
using System.Text.RegularExpressions;
using K8sBot.Core.Quiz;
using K8sBot.Core.Storage;
using K8sBot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace K8sBot.Tests.Crash;

/// <summary>
/// The real <c>k8sbot chat</c> on one LiteDB file, killed with SIGKILL at random points while a team
/// competition and daily posting run, 20 times in a row. After every kill a copy of the file is opened
/// in-process and checked: it opens, every answer acknowledged on stdout is stored exactly once, no
/// day got two daily cards, at most one round runs. Set <c>K8SBOT_CRASH_SEED</c> to replay a run.
/// </summary>
[Trait("Category", "Crash")]
public sealed partial class CrashSafetyTests(ITestOutputHelper log) : IDisposable
{
    private const int Kills = 20;
    private const string ChannelKey = "Console:local:console";
    private static readonly string[] Players = ["alice", "bob", "carol"];
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
    private const string MatchStart = "match start 3 15 teams";
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(40);

    private readonly TempFolder _temp = new();

    private string DbPath => _temp.File("bot.db");

    [Fact]
    public async Task Twenty_sigkills_lose_no_acknowledged_answer_post_no_daily_card_twice_and_leave_no_round_hanging()
    {
        var seed = Environment.GetEnvironmentVariable("K8SBOT_CRASH_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Environment.TickCount & int.MaxValue;
        log.WriteLine($"seed {seed} (replay with K8SBOT_CRASH_SEED={seed})");
        var random = new Random(seed);
        var acks = new List<Ack>();
        var dailyCards = new Dictionary<DateOnly, int>();
        var resumed = 0;

        for (var run = 0; run < Kills; run++)
        {
            var before = Inspect(snapshot: true);
            var started = DateTime.UtcNow;
            var bot = InteractiveBot.Start(ChatArguments, BotEnvironment());
            var driving = DriveAsync(bot, before, new Random(random.Next()));

            // The kill point: anywhere from mid-startup to several commands into the round. Half of the
            // restarts into a running round live long enough for its first countdown edit, so people
            // press again on a question they answered before the kill.
            var late = before.RunningRound is not null && random.Next(2) == 0;
            var killAfter = TimeSpan.FromMilliseconds(late ? random.Next(6500, 9000) : random.Next(150, 5000));
            var first = await Task.WhenAny(driving, Task.Delay(killAfter));
            Assert.True(first != driving, $"run {run}: the bot stopped before it was killed: {driving.Exception?.GetBaseException().Message}");
            await bot.KillAsync();
            var killed = DateTime.UtcNow;
            await Quietly(driving);
            await Quietly(bot.WaitForAsync(_ => false, TimeSpan.FromSeconds(10)));
            var transcript = bot.Seen.ToList();
            var errors = bot.Errors.ToList();
            await bot.DisposeAsync();

            AssertNoFailures(run, errors);
            var runAcks = Acknowledgements(transcript).Select(a => a with { Run = run, From = started, To = killed }).ToList();
            acks.AddRange(runAcks);
            CountDailyCards(transcript, started, dailyCards);
            if (before.RunningRound is not null && ShowsResumedRound(transcript))
            {
                resumed++;
            }

            var after = Inspect(snapshot: true);
            AssertConsistent($"after kill {run + 1} (killed at {killAfter.TotalMilliseconds:0} ms)", after, acks, dailyCards);
        }

        // One more start without a kill: the round left running resumes and ends with standings.
        var final = Inspect(snapshot: true);
        await using (var bot = InteractiveBot.Start(ChatArguments, BotEnvironment()))
        {
            var startedFinal = DateTime.UtcNow;
            await bot.SendAsync("/as alice");
            await bot.SendAsync("daily now");
            await bot.WaitForAsync(l => l.StartsWith("Today's card is already out", StringComparison.Ordinal) || l.StartsWith("Sent today's card", StringComparison.Ordinal), LineTimeout);
            if (final.RunningRound is null)
            {
                await bot.SendAsync(MatchStart);
                await bot.WaitForAsync(l => l.StartsWith("## Question 1/3", StringComparison.Ordinal), LineTimeout);
            }
            else
            {
                await bot.WaitForAsync(IsRoundOutput, LineTimeout);
                resumed++;
            }

            await bot.SendAsync("match stop");
            await bot.WaitForAsync(l => l.Contains("Match stopped · standings so far", StringComparison.Ordinal) || l.Contains("Final standings", StringComparison.Ordinal), LineTimeout);
            await bot.SendAsync("match stop");
            await bot.WaitForAsync(l => l.StartsWith("There is no match running in this channel.", StringComparison.Ordinal), LineTimeout);
            Assert.Equal(0, await bot.FinishAsync());
            AssertNoFailures(Kills, [.. bot.Errors]);
            CountDailyCards([.. bot.Seen], startedFinal, dailyCards);
        }

        var end = Inspect(snapshot: false);
        AssertConsistent("after the final clean run", end, acks, dailyCards);
        Assert.Null(end.RunningRound);
        Assert.All(end.Rounds, r => Assert.False(r.Running, $"round {r.Id} still running"));
        Assert.All(end.Rounds, r => Assert.False(r.StandingsPending, $"round {r.Id} ended without its standings posted"));

        log.WriteLine($"kills: {Kills}");
        log.WriteLine($"acknowledged answers checked (each stored exactly once): {acks.Count}");
        log.WriteLine($"answers stored in total: {end.Answers.Count} ({end.Answers.Count - acks.Count} committed but killed before the acknowledgement was printed)");
        log.WriteLine($"rounds: {end.Rounds.Count} started, {resumed} resumed after a restart, {end.Rounds.Count(r => !r.Running)} ended cleanly");
        log.WriteLine($"daily cards posted: {dailyCards.Values.Sum()} on {dailyCards.Count} local day(s); last posted {end.LastPostedDate ?? "never"}");
        Assert.NotEmpty(acks);
        Assert.NotEmpty(end.Rounds);
    }

    public void Dispose() => _temp.Dispose();

    private string ChatArguments => $"chat --db \"{DbPath}\" --lang en --user alice";

    private static Dictionary<string, string> BotEnvironment() => new()
    {
        // A shorter reveal pause lets rounds move on between kills; the pacing logic is unchanged.
        ["Quiz__RevealPauseSeconds"] = "1",

        // Without the cooldown a new round starts as soon as one ends, so more rounds cross kills.
        ["Limits__MatchCooldownSeconds"] = "0",
    };

    /// <summary>Types what a team would: joins, daily posting, a round, and three people pressing answers.</summary>
    private static async Task DriveAsync(InteractiveBot bot, DbState state, Random random)
    {
        foreach (var (who, team) in new[] { ("alice", "Blue"), ("bob", "Blue"), ("carol", "Red") })
        {
            await bot.SendAsync("/as " + who);
            await bot.SendAsync("team join " + team);
        }

        await bot.SendAsync("/as alice");
        if (!state.Subscribed)
        {
            await bot.SendAsync("daily on 09:00 Asia/Seoul");
        }

        await bot.SendAsync("daily now");
        if (state.RunningRound is null)
        {
            await bot.SendAsync(MatchStart);
        }

        var pressed = new HashSet<int>();
        int? question = null;
        while (true)
        {
            var line = await bot.WaitForAsync(l => Title().IsMatch(l) || AnswerButtons().IsMatch(l) || IsStandings(l) || l.StartsWith("🏁 Quiz match!", StringComparison.Ordinal), LineTimeout);
            if (Title().Match(line) is { Success: true } title)
            {
                question = int.Parse(title.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (AnswerButtons().IsMatch(line) && question is { } q && pressed.Add(q))
            {
                var options = line.Count(c => c == '[');
                foreach (var who in Players.OrderBy(_ => random.Next()))
                {
                    await bot.SendAsync("/as " + who);
                    await bot.SendAsync(random.Next(1, options + 1).ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (IsStandings(line))
            {
                pressed.Clear();
                question = null;
                await bot.SendAsync("/as alice");
                await bot.SendAsync(MatchStart);
            }
            else
            {
                pressed.Clear();
                question = null;
            }
        }
    }

    /// <summary>"Got your answer" lines, each tied to its speaker and to the question last shown before it.</summary>
    private static IEnumerable<Ack> Acknowledgements(IReadOnlyList<string> transcript)
    {
        int? question = null;
        for (var i = 0; i < transcript.Count; i++)
        {
            if (Title().Match(transcript[i]) is { Success: true } title)
            {
                question = int.Parse(title.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (PrivateHeading().Match(transcript[i]) is { Success: true } heading && i + 1 < transcript.Count
                && transcript[i + 1].StartsWith("Got your answer", StringComparison.Ordinal))
            {
                Assert.True(question is not null, "an answer was acknowledged before any question was shown");
                yield return new Ack(0, heading.Groups[1].Value.ToLowerInvariant(), question.Value - 1, default, default);
            }
        }
    }

    private static void CountDailyCards(IEnumerable<string> transcript, DateTime started, Dictionary<DateOnly, int> cards)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(started, Seoul));
        var count = transcript.Count(l => l.StartsWith("  (Today's Kubernetes concept (", StringComparison.Ordinal));
        if (count > 0)
        {
            cards[day] = cards.GetValueOrDefault(day) + count;
        }
    }

    private static bool ShowsResumedRound(IEnumerable<string> transcript) =>
        transcript.TakeWhile(l => !l.StartsWith("🏁 Quiz match!", StringComparison.Ordinal)).Any(IsRoundOutput);

    private static bool IsRoundOutput(string line) =>
        Title().IsMatch(line) || IsStandings(line) || line.Contains(" got it", StringComparison.Ordinal) || line.StartsWith("Nobody answered", StringComparison.Ordinal);

    private static bool IsStandings(string line) =>
        line.Contains("Final standings", StringComparison.Ordinal) || line.Contains("Match stopped · standings so far", StringComparison.Ordinal);

    private static void AssertNoFailures(int run, IReadOnlyList<string> stderr)
    {
        var failures = stderr.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)
            || l.Contains("Cannot open the database", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0, $"run {run} logged failures:\n{string.Join('\n', stderr.TakeLast(20))}");
    }

    private static void AssertConsistent(string when, DbState state, IReadOnlyList<Ack> acks, IReadOnlyDictionary<DateOnly, int> dailyCards)
    {
        var duplicates = state.Answers.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{when}: answers stored twice: {string.Join(", ", duplicates)}");
        foreach (var ack in acks)
        {
            var stored = state.Answers.Count(a => a.UserId == ack.User && a.Question == ack.Question && a.At >= ack.From.AddSeconds(-1) && a.At <= ack.To.AddSeconds(1));
            Assert.True(stored == 1, $"{when}: {ack.User}'s acknowledged answer to question {ack.Question + 1} in run {ack.Run} is stored {stored} time(s)");
        }

        Assert.True(state.Rounds.Count(r => r.Running) <= 1, $"{when}: more than one round runs in the channel");
        foreach (var (day, count) in dailyCards)
        {
            Assert.True(count == 1, $"{when}: {count} daily cards were posted on {day:yyyy-MM-dd}");
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(state.LastPostedDate == text || state.PendingDate == text, $"{when}: a card was shown on {text} but the subscription records {state.LastPostedDate ?? "none"} (pending {state.PendingDate ?? "none"})");
        }
    }

    /// <summary>
    /// Opens the database with the production <see cref="BotDatabase"/>. Between kills it opens a copy,
    /// so the next process still has to recover the file exactly as the kill left it.
    /// </summary>
    private DbState Inspect(bool snapshot)
    {
        var path = DbPath;
        if (snapshot)
        {
            if (!File.Exists(DbPath))
            {
                return new DbState([], [], null, null, Subscribed: false);
            }

            var folder = _temp.File("check-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            foreach (var file in new[] { "bot.db", "bot-log.db" }.Where(f => File.Exists(_temp.File(f))))
            {
                File.Copy(_temp.File(file), Path.Combine(folder, file));
            }

            path = Path.Combine(folder, "bot.db");
        }

        using var database = new BotDatabase(Options.Create(new StorageOptions { Path = path }), [], NullLogger<BotDatabase>.Instance);
        var db = database.Database;
        var answers = db.GetCollection<AnswerBatchDocument>("round_answers").FindAll()
            .SelectMany(batch => batch.Unpack())
            .Select(a => new StoredAnswer(a.Id, a.UserId, int.Parse(a.Id.Split(':')[1], CultureInfo.InvariantCulture), a.At.ToUniversalTime()))
            .ToList();
        var rounds = db.GetCollection("rounds").FindAll().Select(r => new StoredRound(r["_id"].AsString, r["Running"].AsBoolean, r["StandingsPending"] is { IsBoolean: true, AsBoolean: true })).ToList();
        var subscription = db.GetCollection("daily_subscriptions").FindById(ChannelKey);
        var pending = subscription?["Pending"] is { IsDocument: true } p && p["State"].AsString == "Pending" ? p["LocalDate"].AsString : null;
        return new DbState(
            answers,
            rounds,
            subscription?["LastPostedDate"] is { IsString: true } last ? last.AsString : null,
            pending,
            Subscribed: subscription is not null);
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The process is gone: reads end and writes to its stdin fail.
        }
    }

    [GeneratedRegex(@"^## Question (\d+)/\d+ · ")]
    private static partial Regex Title();

    [GeneratedRegex(@"^  \[1\] A   \[2\] B")]
    private static partial Regex AnswerButtons();

    [GeneratedRegex(@"^\[K8sBot → (\S+) · private\]")]
    private static partial Regex PrivateHeading();

    private sealed record Ack(int Run, string User, int Question, DateTime From, DateTime To);

    private sealed record StoredAnswer(string Id, string UserId, int Question, DateTime At);

    private sealed record StoredRound(string Id, bool Running, bool StandingsPending);

    private sealed record DbState(List<StoredAnswer> Answers, List<StoredRound> Rounds, string? LastPostedDate, string? PendingDate, bool Subscribed)
    {
        public string? RunningRound => Rounds.FirstOrDefault(r => r.Running)?.Id;
    }
}
