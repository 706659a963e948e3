using System.Text;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Quiz;

/// <summary>How a multiple-choice question looks, shared by personal quizzes and competitions.</summary>
internal static class QuestionView
{
    private static readonly LocalizedText Correct = new("정답", "Answer");
    private static readonly LocalizedText Explanation = new("해설", "Why");

    /// <summary>Question text and lettered options; the buttons carry only the letter, so long options never hit label limits.</summary>
    public static string Body(QuizQuestion question, OptionOrder order, Lang lang)
    {
        var text = question.Text(lang);
        var body = new StringBuilder();
        body.AppendLine(text.Question).AppendLine();
        for (var position = 0; position < order.Count; position++)
        {
            body.Append("**").Append(OptionOrder.Letter(position)).Append(".** ").AppendLine(text.Options[order.Authored[position]]);
        }

        return body.ToString().TrimEnd();
    }

    public static IReadOnlyList<Button> Buttons(OptionOrder order, string action, string valuePrefix) =>
        [.. Enumerable.Range(0, order.Count).Select(p => new Button(action, $"{valuePrefix}:{p}", OptionOrder.Letter(p), ButtonStyle.Primary))];

    public static string CanonicalAnswer(QuizQuestion question, OptionOrder order, Lang lang) =>
        $"**{Correct.For(lang)}: {OptionOrder.Letter(order.PositionOf(question.Answer))}.** {question.Text(lang).Options[question.Answer]}";

    public static string Why(QuizQuestion question, Lang lang) => $"**{Explanation.For(lang)}:** {question.Text(lang).Explanation}";
}
