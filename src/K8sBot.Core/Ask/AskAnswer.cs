namespace K8sBot.Core.Ask;

/// <summary>
/// What the engine understood: the concept ids the answer is about, best first (empty when
/// declining), and a confidence in 0..1 that decides whether a "did you mean" line is shown.
/// </summary>
public sealed record AskAnswer(AskOutcome Outcome, IReadOnlyList<string> Concepts, double Confidence)
{
    public static AskAnswer Decline { get; } = new(AskOutcome.Decline, [], 0);

    /// <summary>Below this the answer carries a "did you mean" line.</summary>
    public const double LowConfidence = 0.6;

    /// <summary>The user asked to see the example (manifest, commands).</summary>
    public bool WantsExample { get; init; }
}
