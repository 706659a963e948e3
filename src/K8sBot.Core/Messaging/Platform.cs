namespace K8sBot.Core.Messaging;

/// <summary>Where a conversation lives. The core keys data by it but never branches on it.</summary>
public enum Platform
{
    Console,
    Discord,
    Slack,
}
