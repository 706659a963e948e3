namespace K8sBot.Core.Quiz;

/// <summary>One acknowledged competition answer. Id <c>round:question:user</c> makes a second write of the same press idempotent.</summary>
internal sealed class AnswerDocument
{
    public string Id { get; set; } = string.Empty;

    /// <summary><c>round:question</c>, indexed: closing a question reads its answers.</summary>
    public string RoundQuestion { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    /// <summary>The authored option index chosen.</summary>
    public int Option { get; set; }

    public int ElapsedMs { get; set; }

    public DateTime At { get; set; }

    public static string Key(string roundId, int question) => $"{roundId}:{question}";
}
