using K8sBot.Core.Localization;

namespace K8sBot.Core.Commands;

/// <summary>One argument of a command. Discord options are generated from it, so names stay lowercase ASCII.</summary>
public sealed record ArgSpec(string Name, ArgKind Kind, LocalizedText Description)
{
    public bool Required { get; init; }

    public int Min { get; init; }

    public int Max { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Default shown in usage; the handler applies it.</summary>
    public string? Default { get; init; }

    /// <summary>Words that also set a <see cref="ArgKind.Flag"/> (e.g. Korean <c>팀</c> for <c>teams</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>For <see cref="ArgKind.Word"/> arguments that name a concept: adapters offer autocomplete.</summary>
    public bool ConceptName { get; init; }

    public string UsageToken => Kind switch
    {
        ArgKind.Flag => Required ? Name : $"[{Name}]",
        ArgKind.Choice => Required ? string.Join('|', Choices) : $"[{string.Join('|', Choices)}]",
        _ => Required ? $"<{Name}>" : Default is null ? $"[{Name}]" : $"[{Name}={Default}]",
    };
}
