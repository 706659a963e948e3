namespace K8sBot.Core.Quiz;

public enum SubmitResult
{
    /// <summary>First press, durably recorded.</summary>
    Accepted,

    AlreadyAnswered,

    /// <summary>The question (or the round) has closed.</summary>
    Closed,

    /// <summary>The payload matches no round, question or option: forged or garbled.</summary>
    Invalid,

    /// <summary>Valid, but the write failed; the press did not count and may be retried.</summary>
    Failed,
}
