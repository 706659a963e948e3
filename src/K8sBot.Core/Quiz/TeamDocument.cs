namespace K8sBot.Core.Quiz;

/// <summary>A membership: one per user per tenant, so a user is in at most one team. Id is <c>platform:tenant:user</c>.</summary>
internal sealed class TeamDocument
{
    public string Id { get; set; } = string.Empty;

    public string Tenant { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>Normalised key (lowercase) that decides who is in the same team.</summary>
    public string TeamKey { get; set; } = string.Empty;

    /// <summary>The name as first written (normalised whitespace), shown escaped.</summary>
    public string TeamName { get; set; } = string.Empty;
}
