namespace K8sBot.Core.Content;

public enum CardDetail
{
    /// <summary>Title, definition, key points, related: fits a chat answer.</summary>
    Short,

    /// <summary>Everything: when to use, when not, mistakes, example and commands.</summary>
    Full,
}
