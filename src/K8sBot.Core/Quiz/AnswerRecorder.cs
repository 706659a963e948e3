using System.Diagnostics;
using System.Threading.Channels;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace K8sBot.Core.Quiz;

/// <summary>
/// Group commit for competition answers: presses that arrive together are written in one LiteDB
/// transaction by a single writer, and each press is acknowledged only after that commit. At the end
/// of a question hundreds of presses arrive at once; one commit per press would serialise them on
/// the log flush.
/// </summary>
internal sealed partial class AnswerRecorder : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 1024;

    private readonly BotDatabase _database;
    private readonly BotMetrics? _metrics;
    private readonly ILogger<AnswerRecorder> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public AnswerRecorder(BotDatabase database, BotMetrics? metrics, ILogger<AnswerRecorder> logger)
    {
        _database = database;
        _metrics = metrics;
        _logger = logger;
        _writer = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Completes once the answer is committed; faults if the write failed (the answer then does not count).</summary>
    public Task RecordAsync(AnswerDocument answer)
    {
        var pending = new Pending(answer, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AnswerRecorder));
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Drain what was accepted: an acknowledged or in-flight answer is never dropped on shutdown.
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                Write(batch);
                _metrics?.DatabaseWrite.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("store", "round_answers"));
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is LiteDB.LiteException or IOException or InvalidOperationException or ObjectDisposedException)
            {
                LogBatchFailed(_logger, batch.Count, ex);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }
        }
    }

    private void Write(List<Pending> batch)
    {
        var documents = batch
            .GroupBy(p => p.Answer.QuestionPrefix, StringComparer.Ordinal)
            .Select(g => new AnswerBatchDocument { Id = g.Key + LiteDB.ObjectId.NewObjectId(), Answers = [.. g.Select(p => p.Answer)] })
            .ToList();
        _database.InTransaction(db => db.GetCollection<AnswerBatchDocument>(RoundStore.AnswerCollection).Insert(documents));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} quiz answers failed; the presses were not acknowledged")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record Pending(AnswerDocument Answer, TaskCompletionSource Done);
}
