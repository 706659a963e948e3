namespace K8sBot.Core.Messaging;

/// <summary>
/// The person who wrote a message. <paramref name="Locale"/> is what the platform reports
/// (e.g. <c>ko</c>, <c>en-US</c>); <paramref name="IsAdmin"/> is decided by the adapter
/// (Discord MANAGE_GUILD, Slack admin/owner, always true in the console).
/// </summary>
public sealed record ChatUser(string Id, string DisplayName, string? Locale = null, bool IsAdmin = false);
