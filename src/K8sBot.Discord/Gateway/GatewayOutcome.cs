namespace K8sBot.Discord.Gateway;

/// <summary>Why a connection ended and what to do next; <see cref="Delay"/> is waited before reconnecting.</summary>
internal sealed record GatewayOutcome(GatewayNext Next, string Why, int? CloseCode = null, TimeSpan Delay = default);
