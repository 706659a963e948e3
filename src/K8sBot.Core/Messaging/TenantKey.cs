namespace K8sBot.Core.Messaging;

/// <summary>One workspace of one platform. Every stored record is scoped by it.</summary>
public readonly record struct TenantKey(Platform Platform, string TenantId)
{
    public override string ToString() => $"{Platform.ToString().ToLowerInvariant()}:{TenantId}";

    /// <summary>A stable storage key for a user of this tenant.</summary>
    public string UserKey(string userId) => $"{this}:{userId}";
}
