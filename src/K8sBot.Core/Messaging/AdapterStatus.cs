namespace K8sBot.Core.Messaging;

public sealed record AdapterStatus(string Adapter, AdapterState State, string? Reason);
