namespace K8sBot.Core.Quiz;

/// <summary>One acknowledged competition answer, stored inside an <see cref="AnswerBatchDocument"/>. Id <c>round:question:user</c>.</summary>
internal sealed class AnswerDocument
{
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    /// <summary>The authored option index chosen.</summary>
    public int Option { get; set; }

    public int ElapsedMs { get; set; }

    public DateTime At { get; set; }

    /// <summary>The id prefix of one question's answer batches; closing a question reads them through the primary index.</summary>
    public static string Prefix(string roundId, int question) => $"{roundId}:{question}:";

    /// <summary>The <see cref="Prefix"/> part of this answer's id.</summary>
    public string QuestionPrefix => Id[..(Id.LastIndexOf(':') + 1)];
}
