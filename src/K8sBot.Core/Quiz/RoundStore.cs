using K8sBot.Core.Storage;

namespace K8sBot.Core.Quiz;

/// <summary>Competition rounds and their answers.</summary>
internal sealed class RoundStore(BotDatabase database)
{
    internal const string RoundCollection = "rounds";
    internal const string AnswerCollection = "round_answers";

    public void Save(RoundDocument round) => database.Collection<RoundDocument>(RoundCollection).Upsert(round);

    public RoundDocument? Find(string id) => database.Collection<RoundDocument>(RoundCollection).FindById(id);

    public IReadOnlyList<RoundDocument> Running() => [.. database.Collection<RoundDocument>(RoundCollection).Find(r => r.Running)];

    public IReadOnlyList<AnswerDocument> Answers(string roundId, int question)
    {
        var prefix = AnswerDocument.Prefix(roundId, question);
        return [.. database.Collection<AnswerDocument>(AnswerCollection).Find(LiteDB.Query.StartsWith("_id", prefix))];
    }
}
