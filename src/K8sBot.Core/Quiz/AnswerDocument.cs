namespace K8sBot.Core.Quiz;

/// <summary>One acknowledged competition answer. Id <c>round:question:user</c>: one answer per user per question, and the question's answers are a range of the primary index (no second index to maintain on the hot path).</summary>
internal sealed class AnswerDocument
{
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    /// <summary>The authored option index chosen.</summary>
    public int Option { get; set; }

    public int ElapsedMs { get; set; }

    public DateTime At { get; set; }

    /// <summary>The id prefix of one question's answers; closing a question reads them through the primary index.</summary>
    public static string Prefix(string roundId, int question) => $"{roundId}:{question}:";
}
