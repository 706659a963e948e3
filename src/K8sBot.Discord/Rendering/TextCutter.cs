namespace K8sBot.Discord.Rendering;

/// <summary>Cuts text to a length at the last sentence end (or line, or word) so nothing is chopped mid-thought.</summary>
internal static class TextCutter
{
    private static readonly string[] SentenceEnds = [". ", "! ", "? ", "。", ".\n", "!\n", "?\n", "\n\n", "\n"];

    public static (string Head, string Tail) Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return (text, string.Empty);
        }

        var window = text[..max];
        var cut = -1;
        foreach (var end in SentenceEnds)
        {
            var at = window.LastIndexOf(end, StringComparison.Ordinal);
            if (at >= 0 && at + end.Length > cut)
            {
                cut = at + end.TrimEnd().Length;
                cut = Math.Max(cut, at + 1);
            }
        }

        if (cut < max / 2)
        {
            var space = window.LastIndexOf(' ');
            cut = space >= max / 2 ? space : max;
        }

        if (cut > 0 && cut < text.Length && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        var head = text[..cut].TrimEnd();
        var tail = text[cut..].TrimStart();

        // A cut inside a code fence would leave the rest of the message as code.
        if (CountFences(head) % 2 == 1)
        {
            var open = head.LastIndexOf("```", StringComparison.Ordinal);
            var lineEnd = head.IndexOf('\n', open);
            var fence = lineEnd > open ? head[open..lineEnd] : "```";
            head += "\n```";
            tail = fence + "\n" + tail;
            if (head.Length > max)
            {
                return Cut(text, max - 8);
            }
        }

        return (head, tail);
    }

    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    private static int CountFences(string text)
    {
        var count = 0;
        var at = text.IndexOf("```", StringComparison.Ordinal);
        while (at >= 0)
        {
            count++;
            at = text.IndexOf("```", at + 3, StringComparison.Ordinal);
        }

        return count;
    }
}
