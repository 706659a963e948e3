namespace K8sBot.Core.Messaging;

/// <summary>The tone of a reply; adapters may colour it (embed colour, emoji, console colour).</summary>
public enum ReplyKind
{
    Info,
    Success,
    Warning,
    Error,
}
