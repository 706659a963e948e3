namespace K8sBot.Discord.Rendering;

/// <summary>Discord's message limits (docs: Create Message, Embed Limits, Components).</summary>
internal static class DiscordLimits
{
    public const int Content = 2000;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int EmbedTotal = 6000;
    public const int ButtonsPerRow = 5;
    public const int Rows = 5;
    public const int Label = 80;
    public const int CustomId = 100;
    public const int Url = 512;

    /// <summary>Between action id and value in a custom_id.</summary>
    public const char Separator = '|';
}
