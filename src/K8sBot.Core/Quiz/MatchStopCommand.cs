using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Quiz;

/// <summary><c>match stop</c>: the starter or an admin ends the round; standings so far are posted.</summary>
internal sealed class MatchStopCommand(MatchEngine engine) : ICommandHandler
{
    private static readonly LocalizedText NotRunning = new("이 채널에서 진행 중인 대결이 없어요.", "There is no match running in this channel.");
    private static readonly LocalizedText NotAllowed = new("대결을 시작한 사람이나 관리자만 끝낼 수 있어요.", "Only the person who started the match or an admin can stop it.");
    private static readonly LocalizedText Stopped = new("대결을 끝냈어요. 지금까지의 순위를 올렸어요.", "Match stopped; the standings so far are posted.");

    public CommandSpec Spec => BotCommands.MatchStop;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await engine.StopAsync(context.Where, context.User, cancellationToken);
        return
        [
            result switch
            {
                MatchStop.Stopped => Reply.Text(Stopped.For(context.Lang), ReplyKind.Success, ReplyVisibility.Private),
                MatchStop.NotAllowed => Reply.Text(NotAllowed.For(context.Lang), ReplyKind.Warning, ReplyVisibility.Private),
                _ => Reply.Text(NotRunning.For(context.Lang), ReplyKind.Info, ReplyVisibility.Private),
            },
        ];
    }
}
