namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// The few numbers that shape ranking and declining. They are general weights, tuned once on the
/// evaluation set as a whole (see docs/ask.md), not per question.
/// </summary>
internal sealed record RetrievalSettings
{
    public static RetrievalSettings Default { get; } = new();

    public float K1 { get; init; } = 1.2f;

    public float B { get; init; } = 0.6f;

    public float NamesWeight { get; init; } = 3.0f;

    public float TitleWeight { get; init; } = 2.0f;

    public float KeywordsWeight { get; init; } = 2.5f;

    public float UseWhenWeight { get; init; } = 1.6f;

    public float DefinitionWeight { get; init; } = 1.2f;

    public float KeyPointsWeight { get; init; } = 0.7f;

    public float MistakesWeight { get; init; } = 0.4f;

    /// <summary>How much a Korean character bigram counts against a whole word.</summary>
    public float BigramWeight { get; init; } = 0.5f;

    /// <summary>How much a thesaurus replacement after the first counts (the first counts fully; see <see cref="Synonyms"/>).</summary>
    public float SynonymWeight { get; init; } = 0.5f;

    /// <summary>Score added to a concept named in the question, before scaling by how generic the name is.</summary>
    public float NameBonus { get; init; } = 9f;

    /// <summary>Each later-named concept gets this much less of the bonus: the topic usually comes first.</summary>
    public float LaterNameDiscount { get; init; } = 0.25f;

    /// <summary>A name matched within a typo counts this fraction of an exact one.</summary>
    public float TypoFactor { get; init; } = 0.85f;

    /// <summary>Without a named concept, the best card needs at least this score...</summary>
    public float MinScore { get; init; } = 7f;

    /// <summary>
    /// When the question names a concept, the words outside the names must score at least this for
    /// another card to turn it into a scenario question ("give my pods a stable IP" is about Services).
    /// </summary>
    public float RestScore { get; init; } = 6f;

    /// <summary>
    /// A question naming a concept is a scenario only when at least this many other known words carry it:
    /// one stray word ("ingress controller setup") is a detail about the named concept, not a new topic.
    /// </summary>
    public int MinRestWords { get; init; } = 2;

    /// <summary>Names this unspecific (<see cref="AskIndex.Specificity"/>: pod, node) are generic...</summary>
    public float GenericSpecificity { get; init; } = 0.2f;

    /// <summary>...and with only generic names, this much score from the other words makes a scenario.</summary>
    public float GenericRestScore { get; init; } = 5f;

    /// <summary>...from this many known words (with a generic name, one word such as "memory" is the topic).</summary>
    public int GenericMinRestWords { get; init; } = 1;

    /// <summary>
    /// How much a card's best single passage (keyword phrase or use-when line) adds to its rank when nothing is named.
    /// Only the order uses it; the decline thresholds stay on the BM25F score.
    /// </summary>
    public float PassageWeight { get; init; } = 2f;

    /// <summary>...and must explain at least this share of the question's content words (weighted by rarity).</summary>
    public float MinCoverage { get; init; } = 0.38f;

    /// <summary>A best card scoring at least this is strong evidence: it needs only <see cref="StrongMinCoverage"/>.</summary>
    public float StrongScore { get; init; } = 12f;

    /// <summary>The coverage a strong best card needs: words no card knows are then details, not another topic.</summary>
    public float StrongMinCoverage { get; init; } = 0.25f;

    /// <summary>A question with at least this many content words and strong evidence is about Kubernetes even if it starts with another product.</summary>
    public int LongQuestionWords { get; init; } = 9;

    /// <summary>
    /// An unknown word normally weighs as much as the rarest word (strong evidence of another topic); an
    /// unknown verb form or number weighs this fraction of that (see <see cref="Evidence.IsWeakWord"/>).
    /// </summary>
    public float WeakUnknownFactor { get; init; } = 0.3f;

    public float Weight(CardField field) => field switch
    {
        CardField.Names => NamesWeight,
        CardField.Title => TitleWeight,
        CardField.Keywords => KeywordsWeight,
        CardField.UseWhen => UseWhenWeight,
        CardField.Definition => DefinitionWeight,
        CardField.KeyPoints => KeyPointsWeight,
        _ => MistakesWeight,
    };
}
