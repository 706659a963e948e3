namespace K8sBot.Core.Quiz;

/// <summary>What <see cref="MatchEngine.TryStart"/> decided.</summary>
public abstract record MatchStart
{
    public sealed record Started(string RoundId, int Questions) : MatchStart;

    public sealed record AlreadyRunning(TimeSpan EndsIn) : MatchStart;

    /// <summary>The channel's last round ended less than the cooldown ago.</summary>
    public sealed record CoolingDown(TimeSpan Remaining) : MatchStart;

    public sealed record UnknownTopic : MatchStart;

    public sealed record NoQuestions : MatchStart;

    public sealed record NotOwned : MatchStart;
}
