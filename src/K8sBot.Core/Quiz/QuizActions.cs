namespace K8sBot.Core.Quiz;

/// <summary>Action ids of quiz buttons. Values are short tokens checked against stored state, never trusted.</summary>
public static class QuizActions
{
    public const string Prefix = "quiz";

    /// <summary>Value <c>token:position</c> of a personal question.</summary>
    public const string Answer = "quiz.answer";

    /// <summary>Value is a concept id: a personal question on it (cards put this button too).</summary>
    public const string Start = Content.CardActions.QuizMe;

    /// <summary>Value is empty: the next due review.</summary>
    public const string Review = "quiz.review";

    public const string MatchPrefix = "match";

    /// <summary>Value <c>round:question:position</c> of a competition question.</summary>
    public const string MatchAnswer = "match.answer";
}
