using System.Text.RegularExpressions;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Tests.Quiz;

/// <summary>A whole team competition typed into the console adapter, three people in two teams, on a fake clock.</summary>
public sealed partial class CompetitionConsoleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "k8sbot-match-" + Guid.NewGuid().ToString("N"));

    public CompetitionConsoleTests() => Directory.CreateDirectory(_folder);

    private string DbPath => Path.Combine(_folder, "bot.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; the temp cleaner gets it.
        }
    }

    [Fact]
    public async Task A_team_round_scores_streaks_closes_early_survives_a_restart_and_stops_with_team_averages()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        var bot = await ConsoleBot.StartAsync(DbPath, time);
        var output = bot.Output;
        var session = bot.Session;

        await bot.SayAsync("/as alice");
        await bot.SayAsync("team join Blue");
        await bot.SayAsync("/as bob");
        await bot.SayAsync("team join  blue ");
        await bot.SayAsync("/as carol");
        await bot.SayAsync("team join Red");
        Assert.Contains("You joined team Blue.", output.Text, StringComparison.Ordinal);

        await bot.SayAsync("match start nonsense");
        Assert.Contains("is not a topic I know", output.Text, StringComparison.Ordinal);
        Assert.Contains("Usage: /k8s match start", output.Text, StringComparison.Ordinal);

        await bot.SayAsync("/as alice");
        await bot.SayAsync("match start 3 20 teams");
        await output.WaitForAsync("Question 1/3");
        await bot.SayAsync("match start");
        Assert.Contains("A match is already running in this channel; it ends in about", output.Text, StringComparison.Ordinal);

        // Question 1 (runs its full 20 s so everyone can join): alice right at 2 s, bob wrong at 4 s, carol right at 6 s.
        var right = RightNumber(output.Text, "Question 1/3");
        time.Advance(TimeSpan.FromSeconds(2));
        await bot.SayAsync(right);
        Assert.Contains("Got your answer", output.Text, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(2));
        await bot.SayAsync("/as bob");
        await bot.SayAsync(Wrong(right));
        await bot.SayAsync(right);
        Assert.Contains("You already answered; only your first press counts.", output.Text, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(2));
        await bot.SayAsync("/as carol");
        await bot.SayAsync(right);

        // Forged payloads are refused without counting.
        var press = session.TryPress("1")!;
        var round = press.Value.Split(':')[0];
        foreach (var forged in new[] { "zzzzzzzz:0:1", $"{round}:0:9", $"{round}:2:0", $"{round}:x:1", "" })
        {
            var reply = await bot.Core.HandleAsync(IncomingMessage.FromButton(session.Address, new ChatUser("mallory", "mallory", "en"), new ButtonPress("match.answer", forged), time.GetUtcNow()), default);
            Assert.Contains("This button is not valid.", reply.Single().Fallback, StringComparison.Ordinal);
        }

        time.Advance(TimeSpan.FromSeconds(14));
        await output.WaitForAsync("2 of 3 got it");
        Assert.Contains("Fastest: 1. alice 2.0s, 2. carol 6.0s", output.Text, StringComparison.Ordinal);
        Assert.Contains("Leaders: 1. alice 950 pts, 2. carol 850 pts, 3. bob 0 pts", output.Text, StringComparison.Ordinal);

        // A press after the close is refused privately.
        await bot.SayAsync(right);
        Assert.Contains("This question has already closed.", output.Text, StringComparison.Ordinal);

        // Question 2: everyone answers right at 1 s; it closes early without waiting 20 s.
        time.Advance(TimeSpan.FromSeconds(3));
        await output.WaitForAsync("Question 2/3");
        right = RightNumber(output.Text, "Question 2/3");
        time.Advance(TimeSpan.FromSeconds(1));
        foreach (var who in new[] { "alice", "bob", "carol" })
        {
            await bot.SayAsync("/as " + who);
            await bot.SayAsync(right);
        }

        await output.WaitForAsync("3 of 3 got it");
        Assert.Contains("Leaders: 1. alice 2,025 pts, 2. carol 1,925 pts, 3. bob 975 pts", output.Text, StringComparison.Ordinal);

        // Question 3: alice answers, then the process restarts mid-question.
        time.Advance(TimeSpan.FromSeconds(3));
        await output.WaitForAsync("Question 3/3");
        right = RightNumber(output.Text, "Question 3/3");
        time.Advance(TimeSpan.FromSeconds(2));
        await bot.SayAsync("/as alice");
        await bot.SayAsync(right);
        await bot.DisposeAsync();

        bot = await ConsoleBot.StartAsync(DbPath, time, session, output);
        time.Advance(TimeSpan.FromSeconds(1));
        await bot.SayAsync("/as bob");
        await bot.SayAsync(right);
        await bot.SayAsync("/as alice");
        var before = ObservableWriter.Count(output.Text, "You already answered");
        await bot.SayAsync(right);
        Assert.Equal(before + 1, ObservableWriter.Count(output.Text, "You already answered")); // her pre-restart answer was kept

        // Only the starter or an admin may stop it.
        var denied = await bot.Core.HandleAsync(IncomingMessage.FromText(session.Address, new ChatUser("carol", "carol", "en", IsAdmin: false), "match stop", time.GetUtcNow()), default);
        Assert.Contains("Only the person who started the match or an admin", denied.Single().Fallback, StringComparison.Ordinal);

        await bot.SayAsync("match stop");
        await output.WaitForAsync("Match stopped · standings so far");
        var standings = output.Text[output.Text.LastIndexOf("Match stopped ·", StringComparison.Ordinal)..];
        Assert.Contains("1. alice 3,175 pts (3/3)", standings, StringComparison.Ordinal);
        Assert.Contains("2. bob 2,000 pts (2/3)", standings, StringComparison.Ordinal);
        Assert.Contains("3. carol 1,925 pts (2/3)", standings, StringComparison.Ordinal);
        Assert.Contains("1. Blue 2,587.5 pts · 2 playing", standings, StringComparison.Ordinal);
        Assert.Contains("2. Red 1,925 pts · 1 playing", standings, StringComparison.Ordinal);

        await bot.SayAsync(right);
        Assert.EndsWith("This question has already closed.\n", output.Text, StringComparison.Ordinal);

        // Points reached the scores and leaderboards.
        await bot.SayAsync("score");
        Assert.Contains("all time 3,175", output.Text, StringComparison.Ordinal);
        await bot.SayAsync("leaderboard all teams");
        Assert.Contains("🥇 Blue 2,587.5 (2 playing)", output.Text, StringComparison.Ordinal);
        await bot.SayAsync("match start 1 5");
        await output.WaitForAsync("A match just ended here. You can start a new one in");
        bot.Time.Advance(TimeSpan.FromSeconds(30));
        await bot.SayAsync("match start 1 5");
        await output.WaitForAsync("Question 1/1");
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task A_personal_quiz_in_the_console_teaches_and_links_the_card()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        await using var bot = await ConsoleBot.StartAsync(DbPath, time);

        await bot.SayAsync("quiz pod");
        var right = RightNumber(bot.Output.Text, "Quiz · Pod");
        await bot.SayAsync(Wrong(right));
        Assert.Contains("Not quite.", bot.Output.Text, StringComparison.Ordinal);
        Assert.Contains("Why: English explanation", bot.Output.Text, StringComparison.Ordinal);
        await bot.SayAsync("See the card");
        Assert.Contains("## Pod", bot.Output.Text, StringComparison.Ordinal);
    }

    private static string RightNumber(string output, string marker)
    {
        var tail = output[output.LastIndexOf(marker, StringComparison.Ordinal)..];
        var letter = RightOption().Match(tail).Groups[1].Value[0];
        return (letter - 'A' + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Wrong(string right) => right == "1" ? "2" : "1";

    [GeneratedRegex(@"\b([A-D])\. [^\n]*RIGHT")]
    private static partial Regex RightOption();
}
