namespace K8sBot.Core.Quiz;

/// <summary>A participant's running totals in one round; the team is fixed at their first answer.</summary>
internal sealed class PlayerDocument
{
    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? TeamKey { get; set; }

    public string? TeamName { get; set; }

    public long Points { get; set; }

    public int Streak { get; set; }

    public int Correct { get; set; }

    public int Answered { get; set; }
}
