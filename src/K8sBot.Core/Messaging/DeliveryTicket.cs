namespace K8sBot.Core.Messaging;

/// <summary>
/// Everything a platform needs to recognise one logical post later, recorded durably by the caller
/// before the post is attempted. <paramref name="Key"/> is the idempotency key (≤ 25 chars),
/// <paramref name="IssuedAt"/> bounds where to look for the post, and <paramref name="PostAt"/> is
/// set by platforms that deliver at a fixed future instant (Slack's chat.scheduleMessage).
/// </summary>
public sealed record DeliveryTicket(string Key, DateTimeOffset IssuedAt, DateTimeOffset? PostAt = null);
