namespace K8sBot.Core.Content;

/// <summary>One language's text of a concept card.</summary>
public sealed record CardText(
    string Title,
    IReadOnlyList<string> Names,
    string Definition,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyList<string> UseWhen,
    IReadOnlyList<string> AvoidWhen,
    IReadOnlyList<string> Mistakes,
    IReadOnlyList<string> Keywords);
