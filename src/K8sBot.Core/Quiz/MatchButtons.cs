using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Quiz;

/// <summary>Competition option buttons (<c>match.answer</c>). Replies are private; the result comes when the question closes.</summary>
internal sealed class MatchButtons(MatchEngine engine) : IButtonHandler
{
    private static readonly LocalizedText Accepted = new("답을 받았어요: {0}. 마감 후 결과가 나와요.", "Got your answer: {0}. Results when the question closes.");
    private static readonly LocalizedText Already = new("이미 답했어요. 첫 선택만 인정돼요.", "You already answered; only your first press counts.");
    private static readonly LocalizedText Closed = new("이 문제는 이미 마감됐어요.", "This question has already closed.");
    private static readonly LocalizedText Invalid = new("이 버튼은 쓸 수 없어요.", "This button is not valid.");
    private static readonly LocalizedText Failed = new("답을 저장하지 못했어요. 다시 눌러 주세요.", "I couldn't save your answer; please press again.");

    public string ActionPrefix => QuizActions.MatchPrefix;

    public async Task<IReadOnlyList<Reply>> HandleAsync(ButtonContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = context.Lang;
        var result = context.Press.ActionId == QuizActions.MatchAnswer
            ? await engine.SubmitAsync(context.Where.Tenant, context.User, context.Press.Value, context.Message.ReceivedAt)
            : SubmitResult.Invalid;
        var letter = context.Press.Value.Split(':') is [_, _, var p] && int.TryParse(p, out var position) && position is >= 0 and < 26 ? OptionOrder.Letter(position) : "?";
        var reply = result switch
        {
            SubmitResult.Accepted => Reply.Text(Accepted.Format(lang, letter), ReplyKind.Success, ReplyVisibility.Private),
            SubmitResult.AlreadyAnswered => Reply.Text(Already.For(lang), ReplyKind.Info, ReplyVisibility.Private),
            SubmitResult.Closed => Reply.Text(Closed.For(lang), ReplyKind.Warning, ReplyVisibility.Private),
            SubmitResult.Failed => Reply.Text(Failed.For(lang), ReplyKind.Error, ReplyVisibility.Private),
            _ => Reply.Text(Invalid.For(lang), ReplyKind.Warning, ReplyVisibility.Private),
        };
        return [reply];
    }
}
