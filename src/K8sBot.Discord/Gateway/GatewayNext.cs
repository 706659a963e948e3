namespace K8sBot.Discord.Gateway;

/// <summary>How to open the next gateway connection.</summary>
internal enum GatewayNext
{
    Resume,
    Identify,
    Stop,
    Shutdown,
}
