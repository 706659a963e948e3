using K8sBot.Core.Quiz;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

public sealed class AnswerRecorderTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Concurrent_answers_are_committed_before_they_are_acknowledged()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using (var host = new QuizHost(_db.Path, time))
        {
            var recorder = host.Get<AnswerRecorder>();
            var tasks = Enumerable.Range(0, 500).Select(i => Task.Run(() => recorder.RecordAsync(new AnswerDocument
            {
                Id = $"r1:0:u{i}",
                UserId = $"u{i}",
                UserName = $"User {i}",
                Option = i % 4,
                ElapsedMs = i,
                At = time.GetUtcNow().UtcDateTime,
            }))).ToList();
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(20));

            // Acknowledged means readable now, from the same database.
            Assert.Equal(500, host.Get<RoundStore>().Answers("r1", 0).Count);
        }

        // And still there after the process is gone.
        await using var reopened = new QuizHost(_db.Path, time);
        Assert.Equal(500, reopened.Get<RoundStore>().Answers("r1", 0).Count);
        Assert.True(reopened.Get<BotDatabase>().SchemaVersion >= 3);
    }

    [Fact]
    public async Task A_press_written_twice_counts_once_with_its_earliest_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = new QuizHost(_db.Path, time);
        var recorder = host.Get<AnswerRecorder>();
        var first = new AnswerDocument { Id = "r2:1:ann", UserId = "ann", UserName = "Ann", Option = 1, ElapsedMs = 900, At = time.GetUtcNow().UtcDateTime };

        await recorder.RecordAsync(first).WaitAsync(TimeSpan.FromSeconds(10));
        await recorder.RecordAsync(new AnswerDocument { Id = "r2:1:ann", UserId = "ann", UserName = "Ann", Option = 2, ElapsedMs = 5000, At = first.At.AddSeconds(4) }).WaitAsync(TimeSpan.FromSeconds(10));

        var answer = Assert.Single(host.Get<RoundStore>().Answers("r2", 1));
        Assert.Equal((1, 900), (answer.Option, answer.ElapsedMs));
        Assert.Empty(host.Get<RoundStore>().Answers("r2", 10));
    }
}
