namespace K8sBot.Core.Messaging;

public enum ButtonStyle
{
    Secondary,
    Primary,
    Success,
    Danger,
}
