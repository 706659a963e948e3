using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Daily;

/// <summary><c>daily now</c>: posts today's card immediately; it counts as today's post.</summary>
internal sealed class DailyNowCommand(DailySubscriptionStore store, DailyPoster poster) : ICommandHandler
{
    private static readonly LocalizedText NotOn = new("먼저 `daily on`으로 매일 카드를 켜 주세요.", "Turn daily cards on first with `daily on`.");
    private static readonly LocalizedText Done = new("오늘의 카드를 보냈어요. 오늘은 더 보내지 않아요.", "Sent today's card; there will be no other card today.");
    private static readonly LocalizedText Already = new("오늘의 카드는 이미 올렸어요. 내일 다시 만나요!", "Today's card is already out. See you tomorrow!");
    private static readonly LocalizedText Later = new("지금은 올리지 못했어요. 잠시 후 다시 시도할게요.", "I couldn't post it right now; I'll retry shortly.");
    private static readonly LocalizedText PausedText = new("이 채널에 글을 올릴 수 없어서 매일 카드를 멈췄어요. `daily status`에서 이유를 볼 수 있어요.", "I can't post in this channel, so daily cards are paused. `daily status` shows why.");

    public CommandSpec Spec => BotCommands.DailyNow;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.Where.Channel.ChannelKey;
        var subscription = store.Find(key);
        if (subscription is null || subscription.PausedReason is not null)
        {
            var text = subscription is null ? NotOn : PausedText;
            return [Reply.Text(text.For(context.Lang), ReplyKind.Info, ReplyVisibility.Private)];
        }

        var result = await poster.RunAsync(key, manual: true, cancellationToken).ConfigureAwait(false);
        store.Notify(key);
        var (message, kind) = result switch
        {
            DailyRunResult.Posted => (Done, ReplyKind.Success),
            DailyRunResult.AlreadyPosted => (Already, ReplyKind.Info),
            DailyRunResult.Paused => (PausedText, ReplyKind.Warning),
            _ => (Later, ReplyKind.Warning),
        };
        return [Reply.Text(message.For(context.Lang), kind, ReplyVisibility.Private)];
    }
}
