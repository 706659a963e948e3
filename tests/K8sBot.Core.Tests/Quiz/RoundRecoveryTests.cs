using K8sBot.Core.Messaging;
using K8sBot.Core.Quiz;
using K8sBot.Core.Tests.Daily;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

/// <summary>
/// A process killed between two steps of a round (scored but not shown, ended but no standings)
/// leaves the round in the database; the next process finishes the step it missed, once.
/// </summary>
public sealed class RoundRecoveryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly ConversationAddress Where = new(Platform.Console, "local", "c1");
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_round_ended_without_its_standings_gets_them_posted_once_by_the_next_process()
    {
        var time = new FakeTimeProvider(Start.AddMinutes(2));
        var round = Round(running: false);
        round.Stopped = true;
        round.StandingsPending = true;
        round.EndedAt = Start.AddMinutes(1).UtcDateTime;
        round.Players.Add(new PlayerDocument { UserId = "alice", Name = "alice", Points = 950, Correct = 1, Answered = 1 });

        var publisher = new RecordingPublisher();
        await using (var host = new QuizHost(_db.Path, time, publisher))
        {
            host.Get<RoundStore>().Save(round);
            Assert.Equal(1, host.Get<MatchEngine>().ResumeAll());
            var standings = await publisher.Posted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Contains("alice", standings.Fallback, StringComparison.Ordinal);
            Assert.Contains("950", standings.Fallback, StringComparison.Ordinal);
        }

        Assert.Equal([$"s{round.Id}"], publisher.Visible.Select(v => v.Key));
        await using (var again = new QuizHost(_db.Path, time, publisher))
        {
            var stored = again.Get<RoundStore>().Find(round.Id)!;
            Assert.False(stored.StandingsPending);
            Assert.False(stored.Running);
            Assert.Equal(round.EndedAt, stored.EndedAt);
            Assert.Equal(0, again.Get<MatchEngine>().ResumeAll());
        }

        Assert.Single(publisher.Visible);
    }

    [Fact]
    public async Task A_question_scored_but_not_shown_has_its_result_posted_before_the_next_question()
    {
        var time = new FakeTimeProvider(Start.AddMinutes(2));
        var round = Round(running: true);
        round.RootMessageId = "root";
        round.Current = 0;
        round.Scored = 0;
        round.Revealed = -1;
        round.OpenedAt = Start.UtcDateTime;

        var publisher = new RecordingPublisher();
        await using var host = new QuizHost(_db.Path, time, publisher);
        host.Get<RoundStore>().Save(round);
        Assert.Equal(1, host.Get<MatchEngine>().ResumeAll());

        await publisher.Posted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await publisher.Posted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([$"a{round.Id}0", $"q{round.Id}1"], publisher.Visible.Select(v => v.Key));
        Assert.Equal(0, host.Get<RoundStore>().Find(round.Id)!.Revealed);
    }

    private static RoundDocument Round(bool running)
    {
        var catalog = QuizContent.Catalog();
        var questions = catalog.Concepts.SelectMany(c => catalog.QuestionsFor(c.Id)).Take(2).ToList();
        return new RoundDocument
        {
            Id = "rcv23456",
            ChannelKey = Where.ChannelKey,
            Platform = Where.Platform.ToString(),
            TenantId = Where.TenantId,
            ChannelId = Where.ChannelId,
            StarterId = "alice",
            Lang = "en",
            Seconds = 20,
            QuestionIds = [.. questions.Select(q => q.Id)],
            Orders = [.. questions.Select(q => OptionOrder.Shuffle(q.OptionCount, new Random(1)).ToString())],
            Running = running,
            StartedAt = Start.UtcDateTime,
        };
    }
}
