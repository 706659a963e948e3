using System.Text.RegularExpressions;

namespace K8sBot.Core.Messaging;

/// <summary>Turns the neutral markdown dialect into plain text for fallbacks and notifications.</summary>
public static partial class PlainText
{
    public static string FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = LinkPattern().Replace(markdown, "$1 ($2)");
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        return EscapePattern().Replace(text, "$1");
    }

    [GeneratedRegex(@"\[([^\]]*)\]\((https?://[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\\([\\`*_~|>\[\]()#@:<-])")]
    private static partial Regex EscapePattern();
}
