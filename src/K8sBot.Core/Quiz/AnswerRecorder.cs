using System.Collections.Concurrent;
using System.Diagnostics;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Quiz;

/// <summary>
/// Group commit for competition answers: presses that arrive together are written in one LiteDB
/// transaction by a single writer, and each press is acknowledged only after that commit. At the end
/// of a question hundreds of presses arrive at once; one commit per press would serialise them on
/// the log flush.
/// </summary>
/// <remarks>
/// The writer owns a dedicated thread: an async loop would need a thread-pool thread to wake up on
/// every batch, and on a small machine the pool is busy running the very acknowledgements the writer
/// just completed. The writer also decides when the LiteDB log is copied into the data file: only
/// after presses have paused for <see cref="StorageOptions.IdleCheckpointMilliseconds"/>, so a
/// checkpoint never runs inside the commit a press is waiting for.
/// </remarks>
internal sealed partial class AnswerRecorder : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 1024;

    /// <summary>
    /// The least time between the starts of two commits while presses keep coming. Every commit
    /// rewrites a few whole 8 KB pages (data, _id index, collection) however few presses it holds, so
    /// at 20,000 presses/s an eager writer committed one or two at a time: ~5 KB of log and 6 KB of
    /// garbage per press, a log of thousands of pages per round and long checkpoints. Waiting out the
    /// rest of 1 ms after a recent commit gathers ~20 presses per commit for at most 1 ms more
    /// latency; a press after a quiet spell is committed at once.
    /// </summary>
    private static readonly TimeSpan CommitSpacing = TimeSpan.FromMilliseconds(1);

    private readonly BotDatabase _database;
    private readonly BotMetrics? _metrics;
    private readonly ILogger<AnswerRecorder> _logger;
    private readonly int _idleCheckpointPages;
    private readonly TimeSpan _quietPeriod;
    private readonly ConcurrentQueue<Pending> _queue = new();

    // Reset by the writer before it looks at the queue, set by every press: a press enqueued after the
    // writer found the queue empty always wakes it.
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);

    // Set once on shutdown; the only thing that cuts the wait between commits short.
    private readonly ManualResetEventSlim _stop = new(false, spinCount: 0);
    private readonly ITimer _quietTimer;
    private readonly Thread _writer;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _entering;
    private int _completed;
    private int _drained;
    private int _quietElapsed;
    private long _lastCommit;

    public AnswerRecorder(BotDatabase database, BotMetrics? metrics, IOptions<StorageOptions> storage, TimeProvider time, ILogger<AnswerRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _metrics = metrics;
        _logger = logger;
        _idleCheckpointPages = storage.Value.IdleCheckpointPages;
        _quietPeriod = TimeSpan.FromMilliseconds(storage.Value.IdleCheckpointMilliseconds);
        _quietTimer = time.CreateTimer(static state => ((AnswerRecorder)state!).OnQuiet(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "quiz-answer-writer" };
        _writer.Start();
    }

    /// <summary>Raised on the writer thread after an idle checkpoint, with the log pages it copied.</summary>
    internal event Action<long>? Checkpointed;

    /// <summary>Completes once the answer is committed; faults if the write failed (the answer then does not count).</summary>
    public Task RecordAsync(AnswerDocument answer)
    {
        var pending = new Pending(answer, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        // Paired with the exchange in DisposeAsync: either this press sees the recorder closing, or
        // the writer's final drain sees this press. Nothing accepted is left without an answer.
        Interlocked.Increment(ref _entering);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _completed) == 1, this);
            _queue.Enqueue(pending);
            _wake.Set();
        }
        finally
        {
            Interlocked.Decrement(ref _entering);
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Drain what was accepted: an acknowledged or in-flight answer is never dropped on shutdown.
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref _entering) == 0);

            // Every press that got past the check is in the queue now; the writer may stop once empty.
            Volatile.Write(ref _drained, 1);
            _stop.Set();
            _wake.Set();
        }

        await _stopped.Task.ConfigureAwait(false);
        await _quietTimer.DisposeAsync().ConfigureAwait(false);
        _wake.Dispose();
        _stop.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void OnQuiet()
    {
        Volatile.Write(ref _quietElapsed, 1);
        _wake.Set();
    }

    private void WriteLoop()
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (true)
            {
                _wake.Reset();

                // Read before draining: once set, nothing more can be enqueued, so an empty drain is final.
                var closing = Volatile.Read(ref _drained) == 1;
                if (!closing && !_queue.IsEmpty)
                {
                    WaitOutCommitSpacing();
                }

                batch.Clear();
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
                {
                    batch.Add(pending);
                }

                if (batch.Count > 0)
                {
                    Commit(batch);
                    continue;
                }

                if (closing)
                {
                    return;
                }

                if (Interlocked.Exchange(ref _quietElapsed, 0) == 1)
                {
                    CheckpointWhileIdle();
                    continue;
                }

                _wake.Wait();
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void WaitOutCommitSpacing()
    {
        var rest = CommitSpacing - Stopwatch.GetElapsedTime(_lastCommit);
        if (rest > TimeSpan.Zero)
        {
            // Not woken by presses (that would be a wake-up per press); only shutdown ends it early.
            _stop.Wait((int)Math.Ceiling(rest.TotalMilliseconds));
        }
    }

    private void Commit(List<Pending> batch)
    {
        var started = Stopwatch.GetTimestamp();
        _lastCommit = started;
        Exception? failure = null;
        try
        {
            Write(batch);
            _metrics?.DatabaseWrite.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("store", "round_answers"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever failed, the writer thread lives on: these presses fault (they do not count and
            // their users are told), the next batch is tried afresh.
            LogBatchFailed(_logger, batch.Count, ex);
            failure = ex;
        }

        // Every commit pushes the quiet deadline back, so the timer fires only once presses pause (a
        // pause noticed before this batch arrived is stale now). Armed before any acknowledgement:
        // whoever has seen an ack also sees the timer running.
        Volatile.Write(ref _quietElapsed, 0);
        _quietTimer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
        foreach (var pending in batch)
        {
            if (failure is null)
            {
                pending.Done.TrySetResult();
            }
            else
            {
                pending.Done.TrySetException(failure);
            }
        }
    }

    private void CheckpointWhileIdle()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var pages = _database.LogPages;
            if (_database.CheckpointLogAtLeast(_idleCheckpointPages))
            {
                _metrics?.DatabaseWrite.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("store", "checkpoint"));
                Checkpointed?.Invoke(pages);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing is lost: the log stays and LiteDB's own threshold or the next pause retries.
            LogCheckpointFailed(_logger, ex);
        }
    }

    private void Write(List<Pending> batch)
    {
        // A batch nearly always holds one question's presses; group without LINQ so the per-press
        // cost stays the packing itself.
        var groups = new List<(string Prefix, List<AnswerDocument> Answers)>(1);
        foreach (var pending in batch)
        {
            var prefix = pending.Answer.QuestionPrefix;
            var index = groups.FindIndex(g => string.Equals(g.Prefix, prefix, StringComparison.Ordinal));
            if (index < 0)
            {
                groups.Add((prefix, new List<AnswerDocument>(batch.Count)));
                index = groups.Count - 1;
            }

            groups[index].Answers.Add(pending.Answer);
        }

        var documents = groups.Select(g => new AnswerBatchDocument { Id = g.Prefix + LiteDB.ObjectId.NewObjectId(), Packed = AnswerPacking.Pack(g.Answers) }).ToList();
        _database.InTransaction(db => db.GetCollection<AnswerBatchDocument>(RoundStore.AnswerCollection).Insert(documents));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} quiz answers failed; the presses were not acknowledged")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idle checkpoint of the quiz answer log failed; it is retried at the next pause")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    private sealed record Pending(AnswerDocument Answer, TaskCompletionSource Done);
}
