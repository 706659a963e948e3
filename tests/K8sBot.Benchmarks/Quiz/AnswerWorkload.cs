using K8sBot.Core.Quiz;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sBot.Benchmarks.Quiz;

/// <summary>1,000 users answering 10 questions, against a fresh LiteDB file.</summary>
internal sealed class AnswerWorkload : IDisposable
{
    public const int Users = 1000;
    public const int Questions = 10;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "k8sbot-bench-" + Guid.NewGuid().ToString("N"));

    public AnswerWorkload(K8sBot.Core.Telemetry.BotMetrics? metrics = null, Action<StorageOptions>? configure = null)
    {
        Directory.CreateDirectory(_folder);
        var storage = new StorageOptions { Path = Path.Combine(_folder, "bench.db") };
        configure?.Invoke(storage);
        var options = Microsoft.Extensions.Options.Options.Create(storage);
        Database = new BotDatabase(options, [new InitialSchemaMigration(), new K8sBot.Core.Learning.LearningSchemaMigration(), new QuizSchemaMigration()], NullLogger<BotDatabase>.Instance);
        Recorder = new AnswerRecorder(Database, metrics, options, TimeProvider.System, NullLogger<AnswerRecorder>.Instance);
    }

    public BotDatabase Database { get; }


    public AnswerRecorder Recorder { get; }

    /// <summary>One press; <paramref name="round"/> keeps repeated passes over one database apart.</summary>
    public static AnswerDocument Answer(int question, int user, int round = 0) => new()
    {
        Id = $"bench{round}:{question}:u{user}",
        UserId = $"u{user}",
        UserName = $"User {user}",
        Option = user % 4,
        ElapsedMs = user % 20000,
        At = DateTime.UtcNow,
    };

    /// <summary>The baseline: each answer is its own LiteDB document and upsert (its own implicit transaction and commit).</summary>
    public Task UpsertOneAsync(AnswerDocument answer) =>
        Task.Run(() => Database.Collection<AnswerDocument>("answers_baseline").Upsert(answer));

    public void Dispose()
    {
        Recorder.Dispose();
        Database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
