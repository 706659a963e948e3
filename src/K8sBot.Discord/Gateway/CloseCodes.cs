namespace K8sBot.Discord.Gateway;

/// <summary>What a gateway close code means for the next connection.</summary>
internal static class CloseCodes
{
    /// <summary>Ours: any code but 1000/1001 keeps the session resumable.</summary>
    public const int Reconnecting = 4000;

    public static GatewayNext Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayNext.Stop,
        4007 or 4009 => GatewayNext.Identify,
        _ => GatewayNext.Resume,
    };

    public static string Describe(int code) => code switch
    {
        4004 => "authentication failed (bad Discord:Token)",
        4010 => "invalid shard (check Discord:ShardId and Discord:ShardCount)",
        4011 => "sharding required (raise Discord:ShardCount)",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents (enable MESSAGE CONTENT in the Developer Portal or turn Discord:ReadMessages off)",
        _ => "closed",
    };
}
