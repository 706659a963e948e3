namespace K8sBot.Core.Learning;

/// <summary>One person's memory of one concept. Id is <c>platform:tenant:user:concept</c>.</summary>
internal sealed class MemoryDocument
{
    public string Id { get; set; } = string.Empty;

    /// <summary><c>platform:tenant:user</c>, indexed: review and score read all of a user's concepts.</summary>
    public string UserKey { get; set; } = string.Empty;

    public string ConceptId { get; set; } = string.Empty;

    public double Stability { get; set; }

    public double Difficulty { get; set; }

    public DateTime LastReview { get; set; }

    public DateTime Due { get; set; }

    public int Reviews { get; set; }

    /// <summary>How often each question of the concept was answered, for diminishing points.</summary>
    public Dictionary<string, int> Seen { get; set; } = new(StringComparer.Ordinal);

    public MemoryState ToState() => new(Stability, Difficulty, new DateTimeOffset(LastReview, TimeSpan.Zero), new DateTimeOffset(Due, TimeSpan.Zero), Reviews);
}
