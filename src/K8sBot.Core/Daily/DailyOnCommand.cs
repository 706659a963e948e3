using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Daily;

/// <summary><c>daily on [HH:mm] [zone] [ko|en] [weekdays]</c>: subscribes (or updates) the current channel.</summary>
internal sealed class DailyOnCommand(DailySubscriptionStore store, DailyStatusCommand status, TimeProvider time, IOptions<DailyOptions> options) : ICommandHandler
{
    private static readonly LocalizedText Subscribed = new("이 채널에 매일 개념 카드를 올릴게요.", "I'll post a concept card here every day.");
    private static readonly LocalizedText Updated = new("매일 카드 설정을 바꿨어요.", "Daily card settings updated.");
    private static readonly LocalizedText TooMany = new(
        "이 워크스페이스에는 이미 매일 카드 채널이 {0}개 있어요 (최대 {0}개). 다른 채널에서 `daily off`를 먼저 해 주세요.",
        "This workspace already has {0} daily-card channels (the limit is {0}). Run `daily off` in another channel first.");

    public CommandSpec Spec => BotCommands.DailyOn;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var where = context.Where.Channel;
        var existing = store.Find(where.ChannelKey);
        var max = options.Value.MaxSubscriptionsPerTenant;
        if (existing is null && store.CountFor(where.Tenant) >= max)
        {
            return Task.FromResult<IReadOnlyList<Reply>>([Reply.Text(TooMany.Format(context.Lang, max), ReplyKind.Warning, ReplyVisibility.Private)]);
        }

        var subscription = existing ?? new DailySubscription
        {
            Id = where.ChannelKey,
            Tenant = where.Tenant.ToString(),
            Platform = where.Platform.ToString(),
            TenantId = where.TenantId,
            ChannelId = where.ChannelId,
        };

        // The parser validated and normalised these (HH:mm, a known IANA zone, ko|en).
        subscription.Time = context.Args.Text("time") ?? "09:00";
        subscription.Zone = context.Args.Text("timezone") ?? "Asia/Seoul";
        subscription.Lang = context.Args.Text("language") ?? context.Lang.Code();
        subscription.Weekdays = context.Args.Has("weekdays");
        subscription.ActiveFromUtc = time.GetUtcNow().UtcDateTime;
        subscription.PausedReason = null;
        subscription.PausedAtUtc = null;
        store.SaveAndNotify(subscription);

        var title = (existing is null ? Subscribed : Updated).For(context.Lang);
        var summary = status.Describe(subscription, context.Lang);
        return Task.FromResult<IReadOnlyList<Reply>>([summary with { Blocks = [new MarkdownBlock($"**{title}**"), .. summary.Blocks], Kind = ReplyKind.Success }]);
    }
}
