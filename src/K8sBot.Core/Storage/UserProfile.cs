using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Storage;

public sealed record UserProfile(TenantKey Tenant, string UserId, string DisplayName, Lang? Lang);
