using K8sBot.Core.Localization;

namespace K8sBot.Core.Content;

/// <summary>
/// A multiple-choice question. <see cref="Answer"/> indexes the options as authored; the quiz
/// shuffles them when it asks, so stored answers refer to authored indexes, never positions.
/// </summary>
public sealed record QuizQuestion(
    string Id,
    string ConceptId,
    int Difficulty,
    QuestionType Type,
    bool Misconception,
    int Answer,
    QuestionText Ko,
    QuestionText En)
{
    public QuestionText Text(Lang lang) => lang == Lang.Ko ? Ko : En;

    public int OptionCount => Ko.Options.Count;
}
