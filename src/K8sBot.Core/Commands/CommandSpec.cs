using K8sBot.Core.Localization;

namespace K8sBot.Core.Commands;

/// <summary>
/// A command as every platform sees it: its words (<c>match start</c>), arguments, help text and
/// whether only admins may run it. The parser, <c>help</c> and the Discord command registration
/// all read these, so the command set is declared once.
/// </summary>
public sealed record CommandSpec(string Path, IReadOnlyList<ArgSpec> Args, LocalizedText Summary)
{
    public bool AdminOnly { get; init; }

    /// <summary>Shown by <c>help command</c>: examples and details, beyond the one-line summary.</summary>
    public LocalizedText? Details { get; init; }

    public IReadOnlyList<string> Words => Path.Split(' ');

    /// <summary>The group for two-word commands (<c>match</c> of <c>match start</c>), else null.</summary>
    public string? Group => Words.Count > 1 ? Words[0] : null;

    public string Name => Words[^1];

    public string Usage => Args.Count == 0 ? $"/k8s {Path}" : $"/k8s {Path} {string.Join(' ', Args.Select(a => a.UsageToken))}";
}
