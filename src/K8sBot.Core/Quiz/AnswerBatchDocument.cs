namespace K8sBot.Core.Quiz;

/// <summary>
/// The answers to one question that one group commit wrote: id <c>round:question:batch</c>. Storing a
/// batch as one document costs one primary-index entry per commit instead of one per answer, which
/// is most of LiteDB's per-answer CPU; a question's answers are a prefix range of the primary index.
/// </summary>
internal sealed class AnswerBatchDocument
{
    public string Id { get; set; } = string.Empty;

    public List<AnswerDocument> Answers { get; set; } = [];
}
