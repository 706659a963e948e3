namespace K8sBot.Core.Storage;

/// <summary>Stored per user per tenant. Id is <c>platform:tenant:user</c>.</summary>
internal sealed class UserProfileDocument
{
    public string Id { get; set; } = string.Empty;

    public string Tenant { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary><c>ko</c>, <c>en</c>, or null when the user never chose.</summary>
    public string? Lang { get; set; }
}
