namespace K8sBot.Core.Quiz;

/// <summary>What flows into a running round's loop: a recorded answer or a stop request.</summary>
internal abstract record RoundSignal
{
    public sealed record Answered(int Question, string UserId) : RoundSignal;

    public sealed record Stop : RoundSignal;
}
