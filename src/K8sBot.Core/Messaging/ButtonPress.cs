namespace K8sBot.Core.Messaging;

/// <summary>
/// A pressed button: the action id the core put on it and its value, exactly as the platform
/// returned them. Never trusted: handlers check them against stored state.
/// <paramref name="MessageId"/> is the platform id of the message the button was on, when known.
/// </summary>
public sealed record ButtonPress(string ActionId, string Value, string? MessageId = null);
