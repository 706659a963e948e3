using System.Globalization;
using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Quiz;

/// <summary><c>match start [count] [seconds] [topic] [teams]</c>.</summary>
internal sealed class MatchStartCommand(MatchEngine engine) : ICommandHandler
{
    private static readonly LocalizedText UnknownTopic = new(
        "`{0}`은(는) 모르는 주제예요. 개념 이름이나 분류(예: `pod`, `workloads`)를 적거나 비워 두세요.\n**사용법:** `{1}`",
        "`{0}` is not a topic I know. Use a concept or a category (e.g. `pod`, `workloads`), or leave it out.\n**Usage:** `{1}`");
    private static readonly LocalizedText NoQuestions = new("이 주제에는 아직 문제가 없어요.", "There are no questions for this topic yet.");
    private static readonly LocalizedText Running = new("이 채널에서 이미 대결이 진행 중이에요. 약 {0} 후에 끝나요. 먼저 끝내려면 `match stop`.", "A match is already running in this channel; it ends in about {0}. Use `match stop` to end it early.");
    private static readonly LocalizedText Cooling = new("방금 대결이 끝났어요. {0} 뒤에 새 대결을 시작할 수 있어요.", "A match just ended here. You can start a new one in {0}.");
    private static readonly LocalizedText NotHere = new("이 서버의 대결은 다른 봇 인스턴스가 맡고 있어요. 잠시 후 다시 시도해 주세요.", "Another bot instance handles this workspace right now. Please try again shortly.");
    private static readonly LocalizedText Started = new("대결을 시작했어요: {0}문제. 문제는 스레드에 올라와요.", "Match started: {0} questions. They appear in the thread.");

    public CommandSpec Spec => BotCommands.MatchStart;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = context.Lang;
        var topic = context.Args.Text("topic");
        var result = engine.TryStart(
            context.Where,
            context.User,
            context.Args.Int("count", 10),
            context.Args.Int("seconds", 20),
            topic,
            context.Args.Has("teams"),
            lang);
        Reply reply = result switch
        {
            MatchStart.Started started => Reply.Text(Started.Format(lang, started.Questions), ReplyKind.Success, ReplyVisibility.Private),
            MatchStart.AlreadyRunning running => Reply.Text(Running.Format(lang, Duration(running.EndsIn, lang)), ReplyKind.Warning, ReplyVisibility.Private),
            MatchStart.CoolingDown cooling => Reply.Text(Cooling.Format(lang, Duration(cooling.Remaining, lang)), ReplyKind.Info, ReplyVisibility.Private),
            MatchStart.UnknownTopic => Reply.Text(UnknownTopic.Format(lang, UserText.Escape(topic, 40), Spec.Usage), ReplyKind.Warning, ReplyVisibility.Private),
            MatchStart.NoQuestions => Reply.Text(NoQuestions.For(lang), ReplyKind.Info, ReplyVisibility.Private),
            _ => Reply.Text(NotHere.For(lang), ReplyKind.Warning, ReplyVisibility.Private),
        };
        return Task.FromResult<IReadOnlyList<Reply>>([reply]);
    }

    private static string Duration(TimeSpan span, Lang lang)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
        if (seconds < 60)
        {
            return lang == Lang.Ko ? $"{seconds}초" : $"{seconds}s";
        }

        var minutes = (int)Math.Ceiling(seconds / 60.0);
        return lang == Lang.Ko ? $"{minutes.ToString(CultureInfo.InvariantCulture)}분" : $"{minutes.ToString(CultureInfo.InvariantCulture)} min";
    }
}
