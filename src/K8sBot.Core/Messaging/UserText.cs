using System.Text;

namespace K8sBot.Core.Messaging;

/// <summary>
/// Makes text a user typed safe to echo inside neutral markdown: markdown punctuation is
/// backslash-escaped, mass mentions are broken with a zero-width space, control characters
/// are dropped and length is capped. Adapters add their own platform escaping on top
/// (Slack <c>&amp; &lt; &gt;</c>, Discord <c>allowed_mentions</c>), so this is one layer of two.
/// </summary>
public static class UserText
{
    public const int DefaultMaxLength = 200;

    private const string Special = "\\`*_~|>[]()#<:@-";

    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        var visible = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (visible >= maxLength)
            {
                builder.Append('…');
                break;
            }

            if (Rune.IsControl(rune) || rune.Value is 0x202E or 0x202D or 0x2066 or 0x2067 or 0x2068 or 0x2069)
            {
                // Newlines and bidi overrides could fake a separate bot line or reorder the reply.
                if (rune.Value is '\n' or '\r' or '\t')
                {
                    builder.Append(' ');
                    visible++;
                }

                continue;
            }

            if (rune.IsBmp && Special.Contains((char)rune.Value, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(rune.ToString());
            if (rune.Value is '@' or '<')
            {
                // "@everyone", "<@123>", "<!channel>" must never form, even where escapes are ignored.
                builder.Append('\u200B');
            }

            visible++;
        }

        return builder.ToString();
    }

    /// <summary>
    /// For text shown inside a code span (<c>`like this`</c>), where backslash escapes would show
    /// literally: backticks become quotes, mentions are broken, control characters dropped.
    /// </summary>
    public static string EscapeInCode(string? text, int maxLength = 40)
    {
        var cleaned = Escape(text, maxLength);
        var builder = new StringBuilder(cleaned.Length);
        for (var i = 0; i < cleaned.Length; i++)
        {
            if (cleaned[i] == '\\' && i + 1 < cleaned.Length && Special.Contains(cleaned[i + 1], StringComparison.Ordinal))
            {
                continue;
            }

            builder.Append(cleaned[i] == '`' ? '\'' : cleaned[i]);
        }

        return builder.ToString();
    }
}
