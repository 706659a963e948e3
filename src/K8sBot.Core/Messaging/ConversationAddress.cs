namespace K8sBot.Core.Messaging;

/// <summary>
/// A place messages go: a channel of a tenant (Discord guild, Slack team, or <c>local</c>),
/// optionally a thread inside it.
/// </summary>
public sealed record ConversationAddress(Platform Platform, string TenantId, string ChannelId, string? ThreadId = null)
{
    public const string LocalTenant = "local";

    /// <summary>The same channel without a thread.</summary>
    public ConversationAddress Channel => ThreadId is null ? this : this with { ThreadId = null };

    /// <summary>A stable key for storage, e.g. <c>discord:123:456</c>.</summary>
    public string ChannelKey => $"{Platform.ToString().ToLowerInvariant()}:{TenantId}:{ChannelId}";

    public TenantKey Tenant => new(Platform, TenantId);
}
