namespace K8sBot.Core.Quiz;

/// <summary>
/// Competition points (Kahoot style): a correct answer earns 1000 × (1 − elapsed/limit ÷ 2), rounded,
/// so between 500 and 1000; each consecutive correct answer after the first adds 100 more, at most 500.
/// </summary>
public static class MatchScoring
{
    public const int StreakStep = 100;
    public const int StreakCap = 500;

    public static int Base(TimeSpan elapsed, TimeSpan limit)
    {
        var fraction = Math.Clamp(elapsed.TotalMilliseconds / limit.TotalMilliseconds, 0, 1);
        return (int)Math.Round(1000 * (1 - (fraction / 2)), MidpointRounding.AwayFromZero);
    }

    /// <summary>Bonus for the <paramref name="streak"/>-th correct answer in a row (1 for the first).</summary>
    public static int StreakBonus(int streak) => Math.Min(StreakStep * Math.Max(0, streak - 1), StreakCap);
}
