namespace K8sBot.Core.Messaging;

public enum AdapterState
{
    Starting,
    Connected,
    Reconnecting,

    /// <summary>Stopped for good (bad token, fatal close code); the host keeps running and /readyz says why.</summary>
    Stopped,
}
