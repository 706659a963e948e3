using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Daily;

/// <summary><c>daily off</c>: removes the current channel's subscription.</summary>
internal sealed class DailyOffCommand(DailySubscriptionStore store) : ICommandHandler
{
    private static readonly LocalizedText Off = new("이 채널의 매일 카드를 껐어요.", "Daily cards are off for this channel.");
    private static readonly LocalizedText NotOn = new("이 채널에는 매일 카드가 켜져 있지 않아요.", "Daily cards are not on in this channel.");

    public CommandSpec Spec => BotCommands.DailyOff;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reply = store.Delete(context.Where.Channel.ChannelKey)
            ? Reply.Text(Off.For(context.Lang), ReplyKind.Success)
            : Reply.Text(NotOn.For(context.Lang), ReplyKind.Info, ReplyVisibility.Private);
        return Task.FromResult<IReadOnlyList<Reply>>([reply]);
    }
}
