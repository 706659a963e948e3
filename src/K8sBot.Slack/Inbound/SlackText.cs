using System.Text.RegularExpressions;

namespace K8sBot.Slack.Inbound;

/// <summary>Turns Slack message text back into what the person typed.</summary>
internal static partial class SlackText
{
    /// <summary>Removes the bot's own mention(s) and Slack's escaping of &amp; &lt; &gt;.</summary>
    public static string FromSlack(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!string.IsNullOrEmpty(botUserId))
        {
            text = MentionPattern().Replace(text, m => m.Groups[1].Value == botUserId ? " " : m.Value);
        }

        text = text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();
    }

    [GeneratedRegex(@"<@([A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex MentionPattern();
}
