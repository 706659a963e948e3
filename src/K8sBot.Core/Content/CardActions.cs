namespace K8sBot.Core.Content;

/// <summary>Action ids of the buttons on cards. Values are concept ids, checked against the catalogue.</summary>
public static class CardActions
{
    public const string Prefix = "card";

    /// <summary>Show the full card privately.</summary>
    public const string More = "card.more";

    /// <summary>Show a card (related concept, "see the card").</summary>
    public const string Show = "card.show";

    /// <summary>Start a personal quiz on the concept; handled by the quiz feature.</summary>
    public const string QuizMe = "quiz.start";
}
