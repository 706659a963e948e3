using K8sBot.Core.Scoring;
using K8sBot.Core.Storage;
using LiteDB;

namespace K8sBot.Core.Quiz;

/// <summary>Schema 3: personal quiz sessions, scores, teams, competition rounds and their answers.</summary>
internal sealed class QuizSchemaMigration : IDatabaseMigration
{
    public int Version => 3;

    public string Description => "quiz sessions, scores, teams, rounds";

    public void Apply(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.GetCollection<QuizSessionDocument>(PersonalQuiz.SessionCollection).EnsureIndex(s => s.AskedAt);
        database.GetCollection<ScoreDocument>(ScoreStore.CollectionName).EnsureIndex(s => s.Tenant);
        database.GetCollection<TeamDocument>(TeamStore.CollectionName).EnsureIndex(t => t.Tenant);
        database.GetCollection<RoundDocument>(RoundStore.RoundCollection).EnsureIndex(r => r.Running);
    }
}
