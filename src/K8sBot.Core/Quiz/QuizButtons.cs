using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Quiz;

/// <summary>Personal quiz buttons: answers, "quiz me on this concept" (also on cards) and "next review".</summary>
internal sealed class QuizButtons(PersonalQuiz quiz) : IButtonHandler
{
    private static readonly LocalizedText Invalid = new("이 버튼은 쓸 수 없어요.", "This button is not valid.");

    public string ActionPrefix => QuizActions.Prefix;

    public Task<IReadOnlyList<Reply>> HandleAsync(ButtonContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Where.Tenant;
        var reply = context.Press.ActionId switch
        {
            QuizActions.Answer => quiz.Answer(tenant, context.User, context.Press.Value, context.Message.ReceivedAt, context.Lang),
            QuizActions.Start => quiz.StartConcept(tenant, context.User, context.Press.Value, context.Lang),
            QuizActions.Review => quiz.Review(tenant, context.User, context.Lang),
            _ => Reply.Text(Invalid.For(context.Lang), ReplyKind.Warning, ReplyVisibility.Private),
        };
        return Task.FromResult<IReadOnlyList<Reply>>([reply]);
    }
}
