namespace K8sBot.Discord.Interactions;

/// <summary>Interaction callback types (receiving-and-responding).</summary>
internal static class CallbackTypes
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
}
