namespace K8sBot.Core.Quiz;

/// <summary>A personal question that was asked; its id is the token on the answer buttons.</summary>
internal sealed class QuizSessionDocument
{
    public string Id { get; set; } = string.Empty;

    public string Tenant { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string QuestionId { get; set; } = string.Empty;

    /// <summary><see cref="OptionOrder"/> as digits.</summary>
    public string Order { get; set; } = string.Empty;

    public DateTime AskedAt { get; set; }

    public bool Answered { get; set; }

    public bool Review { get; set; }
}
