using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using LiteDB;

namespace K8sBot.Core.Learning;

/// <summary>FSRS memory per user and concept. Writes take the database so callers can batch them into one transaction.</summary>
public sealed class MemoryStore(BotDatabase database, Fsrs fsrs)
{
    internal const string CollectionName = "memory";

    /// <summary>Applies a graded answer; returns the new state and how often the question had been answered before.</summary>
    public (MemoryState State, int SeenBefore) Apply(ILiteDatabase db, TenantKey tenant, string userId, string conceptId, string questionId, Grade grade, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        var collection = db.GetCollection<MemoryDocument>(CollectionName);
        var userKey = tenant.UserKey(userId);
        var id = $"{userKey}:{conceptId}";
        var doc = collection.FindById(id);
        var state = fsrs.Review(doc?.ToState(), grade, at);
        doc ??= new MemoryDocument { Id = id, UserKey = userKey, ConceptId = conceptId };
        var seenBefore = doc.Seen.GetValueOrDefault(questionId);
        doc.Seen[questionId] = seenBefore + 1;
        doc.Stability = state.Stability;
        doc.Difficulty = state.Difficulty;
        doc.LastReview = state.LastReview.UtcDateTime;
        doc.Due = state.Due.UtcDateTime;
        doc.Reviews = state.Reviews;
        collection.Upsert(doc);
        return (state, seenBefore);
    }

    public IReadOnlyList<ConceptMemory> AllFor(TenantKey tenant, string userId)
    {
        var userKey = tenant.UserKey(userId);
        return [.. database.Collection<MemoryDocument>(CollectionName).Find(m => m.UserKey == userKey)
            .Select(m => new ConceptMemory(m.ConceptId, m.ToState(), m.Seen))];
    }

    public ConceptMemory? Find(TenantKey tenant, string userId, string conceptId)
    {
        var doc = database.Collection<MemoryDocument>(CollectionName).FindById($"{tenant.UserKey(userId)}:{conceptId}");
        return doc is null ? null : new ConceptMemory(doc.ConceptId, doc.ToState(), doc.Seen);
    }

    public double Retrievability(ConceptMemory memory, DateTimeOffset now) => fsrs.Retrievability(memory?.State, now);
}
