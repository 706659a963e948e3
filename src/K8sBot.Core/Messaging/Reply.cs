namespace K8sBot.Core.Messaging;

/// <summary>
/// What the core answers, independent of any platform: blocks for rich clients, a plain-text
/// fallback for notifications and limited clients, a kind for colour, and who may see it.
/// </summary>
public sealed record Reply
{
    public required IReadOnlyList<Block> Blocks { get; init; }

    /// <summary>Plain text (no markdown) for notifications and clients that cannot render blocks.</summary>
    public required string Fallback { get; init; }

    public ReplyKind Kind { get; init; } = ReplyKind.Info;

    public ReplyVisibility Visibility { get; init; } = ReplyVisibility.Public;

    /// <summary>For a button press: replace the message the button was on instead of sending a new one.</summary>
    public bool ReplacesOriginal { get; init; }

    /// <summary>Category hint for colouring (e.g. a concept category); adapters may ignore it.</summary>
    public string? Accent { get; init; }

    public static Reply Text(string markdown, ReplyKind kind = ReplyKind.Info, ReplyVisibility visibility = ReplyVisibility.Public) =>
        new() { Blocks = [new MarkdownBlock(markdown)], Fallback = PlainText.FromMarkdown(markdown), Kind = kind, Visibility = visibility };

    public Reply AsPrivate() => this with { Visibility = ReplyVisibility.Private };
}
