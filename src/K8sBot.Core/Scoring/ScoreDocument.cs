namespace K8sBot.Core.Scoring;

/// <summary>
/// One person's score in one tenant. Id is <c>platform:tenant:user</c>. Weekly points belong to
/// <see cref="Week"/>; a record from an older week is rolled over when read or written, so the
/// finished week survives as <see cref="LastWeekPoints"/> without a timer.
/// </summary>
internal sealed class ScoreDocument
{
    public string Id { get; set; } = string.Empty;

    public string Tenant { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public long Points { get; set; }

    public long WeekPoints { get; set; }

    /// <summary>Monday of the week <see cref="WeekPoints"/> belong to, <c>yyyy-MM-dd</c>.</summary>
    public string Week { get; set; } = string.Empty;

    public long LastWeekPoints { get; set; }

    public string LastWeek { get; set; } = string.Empty;

    public int Answered { get; set; }

    public int Correct { get; set; }

    public int CurrentStreak { get; set; }

    public int BestStreak { get; set; }

    /// <summary>Local day of the last correct answer, <c>yyyy-MM-dd</c>.</summary>
    public string? LastCorrectDay { get; set; }
}
