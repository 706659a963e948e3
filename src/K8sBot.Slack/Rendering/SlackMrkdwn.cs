using System.Text;
using System.Text.RegularExpressions;

namespace K8sBot.Slack.Rendering;

/// <summary>
/// Turns the core's neutral markdown into Slack mrkdwn. <c>&amp; &lt; &gt;</c> are escaped first,
/// everywhere, so no text can form <c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;@U…&gt;</c> or a link;
/// only then are <c>**bold**</c>, <c>[text](url)</c>, bullets and backslash escapes converted.
/// Code spans are kept verbatim (escaped only).
/// </summary>
internal static partial class SlackMrkdwn
{
    /// <summary>Breaks formatting and emoji codes without showing anything.</summary>
    public const char Inert = '\u200B';

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>For plain_text objects (header, button labels): backslash escapes removed, then escaped.</summary>
    public static string Plain(string text) => Escape(UnescapePattern().Replace(text, "$1"));

    public static string FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = Escape(markdown);
        var output = new StringBuilder(text.Length + 16);
        var i = 0;
        var lineStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                var fence = text.AsSpan(i).StartsWith("```") ? "```" : "`";
                var end = text.IndexOf(fence, i + fence.Length, StringComparison.Ordinal);
                if (end > 0)
                {
                    output.Append(text, i, end + fence.Length - i);
                    i = end + fence.Length;
                    lineStart = false;
                    continue;
                }
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                i = AppendEscaped(text, i + 1, output);
                lineStart = false;
                continue;
            }

            if (lineStart && text.AsSpan(i).StartsWith("- "))
            {
                output.Append("• ");
                i += 2;
                lineStart = false;
                continue;
            }

            if (c == '[')
            {
                var link = LinkPattern().Match(text, i);
                if (link.Success && link.Index == i)
                {
                    var label = Bold(link.Groups[1].Value);
                    output.Append('<').Append(link.Groups[2].Value.Replace("|", "%7C", StringComparison.Ordinal)).Append('|').Append(label.Replace("|", "¦", StringComparison.Ordinal)).Append('>');
                    i += link.Length;
                    lineStart = false;
                    continue;
                }
            }

            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                output.Append('*');
                i += 2;
                lineStart = false;
                continue;
            }

            output.Append(c);
            lineStart = c == '\n';
            i++;
        }

        return output.ToString();
    }

    private static string Bold(string text) => text.Replace("**", "*", StringComparison.Ordinal);

    /// <summary>Appends the escaped character at <paramref name="at"/> so it is shown literally; returns the next index.</summary>
    private static int AppendEscaped(string text, int at, StringBuilder output)
    {
        foreach (var entity in (ReadOnlySpan<string>)["&amp;", "&lt;", "&gt;"])
        {
            if (text.AsSpan(at).StartsWith(entity))
            {
                // A leading zero-width space keeps an escaped '>' from starting a quote.
                output.Append(Inert).Append(entity);
                return at + entity.Length;
            }
        }

        var c = text[at];
        output.Append(c);
        if (c is '*' or '_' or '~' or '`' or ':' or '@' or '|')
        {
            output.Append(Inert);
        }

        return at + 1;
    }

    [GeneratedRegex(@"\G\[([^\]\n]*)\]\((https?://[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\\([\\`*_~|>\[\]()#@:<&-])")]
    private static partial Regex UnescapePattern();
}
