namespace K8sBot.Core.Ask;

public enum AskOutcome
{
    /// <summary>One concept answers it: show its card.</summary>
    Card,

    /// <summary>"A vs B": show both side by side.</summary>
    Comparison,

    /// <summary>Not something the catalogue covers: decline honestly with suggestions.</summary>
    Decline,
}
