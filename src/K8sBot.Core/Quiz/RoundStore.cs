using K8sBot.Core.Storage;

namespace K8sBot.Core.Quiz;

/// <summary>Competition rounds and their answers.</summary>
internal sealed class RoundStore(BotDatabase database)
{
    internal const string RoundCollection = "rounds";
    internal const string AnswerCollection = "round_answers";

    public void Save(RoundDocument round) => database.Collection<RoundDocument>(RoundCollection).Upsert(round);

    public RoundDocument? Find(string id) => database.Collection<RoundDocument>(RoundCollection).FindById(id);

    /// <summary>When the channel's most recent round ended, if any.</summary>
    public DateTime? LastEnded(string channelKey) =>
        database.Collection<RoundDocument>(RoundCollection).Find(r => r.ChannelKey == channelKey && !r.Running)
            .Max(r => r.EndedAt);

    /// <summary>Rounds a previous process left running, or ended without getting its standings out.</summary>
    public IReadOnlyList<RoundDocument> Unfinished() =>
        [.. database.Collection<RoundDocument>(RoundCollection).Find(r => r.Running || r.StandingsPending)];

    public IReadOnlyList<AnswerDocument> Answers(string roundId, int question)
    {
        var prefix = AnswerDocument.Prefix(roundId, question);

        // One answer per user: if a press was ever written twice, the earliest counts.
        return [.. database.Collection<AnswerBatchDocument>(AnswerCollection).Find(LiteDB.Query.StartsWith("_id", prefix))
            .SelectMany(b => b.Unpack())
            .GroupBy(a => a.UserId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(a => a.At).First())];
    }
}
