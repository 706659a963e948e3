namespace K8sBot.Core.Messaging;

/// <summary>
/// Everything the core needs to know about one thing a person did: typed a command or free
/// text addressed to the bot (<see cref="Text"/>), or pressed a button (<see cref="Button"/>).
/// Exactly one of the two is set.
/// </summary>
public sealed record IncomingMessage
{
    public required ConversationAddress Where { get; init; }

    public required ChatUser User { get; init; }

    /// <summary>Command or free text, with the bot's own mention and the <c>/k8s</c> prefix already removed by the adapter where it can.</summary>
    public string? Text { get; init; }

    public ButtonPress? Button { get; init; }

    /// <summary>True in a direct message with the bot.</summary>
    public bool IsDirect { get; init; }

    /// <summary>When the platform says the user acted; used for quiz speed. Adapters fill it from their TimeProvider.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    public static IncomingMessage FromText(ConversationAddress where, ChatUser user, string text, DateTimeOffset at) =>
        new() { Where = where, User = user, Text = text, ReceivedAt = at };

    public static IncomingMessage FromButton(ConversationAddress where, ChatUser user, ButtonPress button, DateTimeOffset at) =>
        new() { Where = where, User = user, Button = button, ReceivedAt = at };
}
