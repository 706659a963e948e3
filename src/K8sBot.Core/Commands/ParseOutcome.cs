using K8sBot.Core.Localization;

namespace K8sBot.Core.Commands;

/// <summary>What the parser made of a line of text.</summary>
public abstract record ParseOutcome
{
    /// <summary>A known command with valid arguments.</summary>
    public sealed record Command(CommandSpec Spec, CommandArgs Args) : ParseOutcome;

    /// <summary>A known command whose arguments are wrong; <paramref name="Problem"/> says what, in both languages.</summary>
    public sealed record BadArguments(CommandSpec Spec, LocalizedText Problem) : ParseOutcome;

    /// <summary>A group word without a valid subcommand (<c>match</c>, <c>team foo</c>).</summary>
    public sealed record IncompleteGroup(string Group, IReadOnlyList<CommandSpec> Commands) : ParseOutcome;

    /// <summary>Looks like a mistyped command (<c>hlep</c>).</summary>
    public sealed record UnknownCommand(string Word, CommandSpec? Suggestion) : ParseOutcome;

    /// <summary>Free text: a question for <c>ask</c>.</summary>
    public sealed record FreeText(string Text) : ParseOutcome;
}
