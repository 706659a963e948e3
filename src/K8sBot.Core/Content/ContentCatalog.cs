namespace K8sBot.Core.Content;

/// <summary>The loaded curriculum: cards in curriculum order, their questions and comparisons. Immutable.</summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<string, ConceptCard> _byId;
    private readonly Dictionary<string, IReadOnlyList<QuizQuestion>> _questionsByConcept;
    private readonly Dictionary<string, QuizQuestion> _questionsById;

    public ContentCatalog(IEnumerable<ConceptCard> concepts, IEnumerable<QuizQuestion> questions, IEnumerable<Comparison> comparisons)
    {
        Concepts = [.. concepts.OrderBy(c => c.Order).ThenBy(c => c.Id, StringComparer.Ordinal)];
        _byId = Concepts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Questions = [.. questions];
        _questionsById = Questions.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _questionsByConcept = Questions.GroupBy(q => q.ConceptId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<QuizQuestion>)[.. g], StringComparer.Ordinal);
        Comparisons = [.. comparisons];
    }

    /// <summary>In curriculum order.</summary>
    public IReadOnlyList<ConceptCard> Concepts { get; }

    public IReadOnlyList<QuizQuestion> Questions { get; }

    public IReadOnlyList<Comparison> Comparisons { get; }

    public ConceptCard? Find(string id) => _byId.GetValueOrDefault(id);

    public QuizQuestion? FindQuestion(string id) => _questionsById.GetValueOrDefault(id);

    public IReadOnlyList<QuizQuestion> QuestionsFor(string conceptId) =>
        _questionsByConcept.TryGetValue(conceptId, out var list) ? list : [];

    /// <summary>The comparison that covers all the given concepts, smallest first.</summary>
    public Comparison? FindComparison(IReadOnlyCollection<string> conceptIds) =>
        Comparisons.Where(c => conceptIds.All(c.Concepts.Contains)).OrderBy(c => c.Concepts.Count).FirstOrDefault();
}
