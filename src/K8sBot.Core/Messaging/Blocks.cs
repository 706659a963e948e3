namespace K8sBot.Core.Messaging;

/// <summary>
/// One semantic piece of a reply. Adapters render each kind natively (embed, Block Kit,
/// console) and may degrade. Text in <see cref="MarkdownBlock"/>, <see cref="Field"/> and
/// <see cref="ContextBlock"/> is the neutral markdown dialect described in docs/architecture.md
/// (<c>**bold**</c>, <c>`code`</c>, <c>[text](https://url)</c>, <c>- </c> bullets); anything a user
/// typed must pass through <see cref="UserText.Escape"/> before it is put there.
/// </summary>
public abstract record Block;

/// <summary>A heading, plain text (no markdown).</summary>
public sealed record TitleBlock(string Text, string? Url = null) : Block;

public sealed record MarkdownBlock(string Markdown) : Block;

public sealed record Field(string Name, string Value, bool Inline = false);

public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : Block;

public sealed record CodeBlock(string Code, string Language = "") : Block;

/// <summary>Small print under the content (docs link, hints, countdowns).</summary>
public sealed record ContextBlock(string Markdown) : Block;

public sealed record ButtonsBlock(IReadOnlyList<Button> Buttons) : Block;
