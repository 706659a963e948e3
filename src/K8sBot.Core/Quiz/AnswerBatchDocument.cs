namespace K8sBot.Core.Quiz;

/// <summary>
/// The answers to one question that one group commit wrote: id <c>round:question:batch</c>. Storing a
/// batch as one document costs one primary-index entry per commit instead of one per answer, which
/// is most of LiteDB's per-answer CPU; a question's answers are a prefix range of the primary index.
/// </summary>
internal sealed class AnswerBatchDocument
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The answers, packed by <see cref="AnswerPacking"/>.</summary>
    public byte[]? Packed { get; set; }

    /// <summary>Batches written before answers were packed: one sub-document per answer. Read, never written.</summary>
    public List<AnswerDocument>? Answers { get; set; }

    /// <summary>The id prefix shared by the batch and its answers (<c>round:question:</c>).</summary>
    public string Prefix => Id[..(Id.LastIndexOf(':') + 1)];

    public IReadOnlyList<AnswerDocument> Unpack() =>
        Packed is { } packed ? AnswerPacking.Unpack(Prefix, packed) : Answers ?? [];
}
