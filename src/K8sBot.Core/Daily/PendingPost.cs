namespace K8sBot.Core.Daily;

/// <summary>
/// Written before a post and updated after it. A record still <see cref="PendingState.Pending"/>
/// after a crash is re-posted with the same <see cref="Key"/>, which the platform uses to drop the duplicate.
/// </summary>
internal sealed class PendingPost
{
    public DailyPostKind Kind { get; set; }

    public string LocalDate { get; set; } = string.Empty;

    /// <summary>The concept of a card post; null for a digest.</summary>
    public string? ConceptId { get; set; }

    public string Key { get; set; } = string.Empty;

    public PendingState State { get; set; }
}
