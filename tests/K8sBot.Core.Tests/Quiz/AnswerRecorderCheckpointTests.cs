using K8sBot.Core.Quiz;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

public sealed class AnswerRecorderCheckpointTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private readonly TempDb _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_log_is_checkpointed_once_presses_pause_and_nothing_is_lost()
    {
        await using (var host = Host())
        {
            var recorder = host.Get<AnswerRecorder>();
            var database = host.Get<BotDatabase>();
            var checkpointed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            recorder.Checkpointed += pages => checkpointed.TrySetResult(pages);

            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => recorder.RecordAsync(Answer("r1", 0, i)))).WaitAsync(TimeSpan.FromSeconds(10));
            var before = database.LogPages;
            Assert.True(before > 0);

            _time.Advance(Quiet);
            var copied = await checkpointed.Task.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.True(copied >= before);
            Assert.Equal(0, database.LogPages);
            Assert.Equal(50, host.Get<RoundStore>().Answers("r1", 0).Count);
        }

        await using var reopened = Host();
        Assert.Equal(50, reopened.Get<RoundStore>().Answers("r1", 0).Count);
    }

    [Fact]
    public async Task Presses_that_keep_arriving_hold_the_checkpoint_off()
    {
        await using var host = Host();
        var recorder = host.Get<AnswerRecorder>();
        var checkpoints = 0;
        var afterLastPress = false;
        var checkpointed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        recorder.Checkpointed += _ =>
        {
            var count = Interlocked.Increment(ref checkpoints);
            if (Volatile.Read(ref afterLastPress))
            {
                checkpointed.TrySetResult(count);
            }
        };

        // Presses 150 ms apart: the quiet period (200 ms) never passes since the last one.
        for (var i = 0; i < 4; i++)
        {
            await recorder.RecordAsync(Answer("r2", 0, i)).WaitAsync(TimeSpan.FromSeconds(10));
            _time.Advance(TimeSpan.FromMilliseconds(150));
        }

        await recorder.RecordAsync(Answer("r2", 0, 99)).WaitAsync(TimeSpan.FromSeconds(10));
        Volatile.Write(ref afterLastPress, true);
        _time.Advance(Quiet);

        // The one checkpoint is the one after the pause.
        Assert.Equal(1, await checkpointed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, host.Get<BotDatabase>().LogPages);
    }

    [Fact]
    public async Task A_short_log_is_not_checkpointed_at_a_pause()
    {
        await using var host = Host(idlePages: 1_000_000);
        var recorder = host.Get<AnswerRecorder>();
        var checkpointed = false;
        recorder.Checkpointed += _ => checkpointed = true;

        await recorder.RecordAsync(Answer("r3", 0, 1)).WaitAsync(TimeSpan.FromSeconds(10));
        var first = host.Get<BotDatabase>().LogPages;
        _time.Advance(Quiet);

        // A press after the pause is handled by the same writer, after it dealt with the pause.
        await recorder.RecordAsync(Answer("r3", 0, 2)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(checkpointed);
        Assert.True(host.Get<BotDatabase>().LogPages > first, "the log should still hold the first commit as well");
    }

    [Fact]
    public async Task Presses_accepted_before_shutdown_are_committed_and_later_ones_refused()
    {
        var host = Host();
        var recorder = host.Get<AnswerRecorder>();
        var accepted = Enumerable.Range(0, 300).Select(i => recorder.RecordAsync(Answer("r4", 1, i))).ToList();
        await recorder.DisposeAsync();

        await Task.WhenAll(accepted).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Throws<ObjectDisposedException>(() => { _ = recorder.RecordAsync(Answer("r4", 1, 1000)); });
        await host.DisposeAsync();

        await using var reopened = Host();
        Assert.Equal(300, reopened.Get<RoundStore>().Answers("r4", 1).Count);
    }

    private QuizHost Host(int idlePages = 1) => new(_db.Path, _time, settings: new Dictionary<string, string?>
    {
        ["Storage:IdleCheckpointPages"] = idlePages.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Storage:IdleCheckpointMilliseconds"] = "200",
    });

    private AnswerDocument Answer(string round, int question, int user) => new()
    {
        Id = $"{round}:{question}:u{user}",
        UserId = $"u{user}",
        UserName = $"User {user}",
        Option = user % 4,
        ElapsedMs = user,
        At = _time.GetUtcNow().UtcDateTime,
    };
}
