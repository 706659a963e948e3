namespace K8sBot.Slack.Rendering;

/// <summary>Slack's Block Kit message limits (docs "Blocks" reference; node-slack-sdk types).</summary>
internal static class BlockKitLimits
{
    public const int Blocks = 50;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int Fields = 10;
    public const int FieldText = 2000;
    public const int ContextText = 3000;
    public const int ButtonText = 75;
    public const int ActionId = 255;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ActionsElements = 25;

    /// <summary>Notification text; Slack recommends at most 4,000 characters.</summary>
    public const int FallbackText = 4000;
}
