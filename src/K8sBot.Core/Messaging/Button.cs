namespace K8sBot.Core.Messaging;

/// <summary>
/// A button the user can press. <paramref name="ActionId"/> routes the press (e.g. <c>quiz.answer</c>),
/// <paramref name="Value"/> carries state the handler verifies. Both must stay short:
/// Discord packs them into a 100-character custom_id, Slack allows 255/2000.
/// </summary>
public sealed record Button(string ActionId, string Value, string Label, ButtonStyle Style = ButtonStyle.Secondary, string? Url = null)
{
    /// <summary>Longest action id + value (plus one separator) every adapter can carry.</summary>
    public const int MaxPayloadLength = 100;
}
