using System.Globalization;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Daily;

/// <summary><c>daily status</c>: schedule, next post time in the channel's zone, next concept, and why it is paused.</summary>
internal sealed class DailyStatusCommand(DailySubscriptionStore store, ContentCatalog catalog, TimeProvider time) : ICommandHandler
{
    private static readonly LocalizedText NotOn = new(
        "이 채널에는 매일 카드가 꺼져 있어요. 관리자가 `daily on 09:00 Asia/Seoul ko`로 켤 수 있어요.",
        "Daily cards are off in this channel. An admin can turn them on with `daily on 09:00 America/New_York en`.");

    private static readonly LocalizedText Schedule = new("매일 {0} ({1}){2}, {3}", "Every day at {0} ({1}){2}, {3}");
    private static readonly LocalizedText WeekdaysOnly = new(", 주말 제외", ", weekdays only");
    private static readonly LocalizedText Next = new("다음 게시: {0}", "Next post: {0}");
    private static readonly LocalizedText NextConcept = new("다음 개념: {0} (`{1}`)", "Next concept: {0} (`{1}`)");
    private static readonly LocalizedText Progress = new("{0}번째 바퀴, {1}/{2}개 봤어요", "Cycle {0}, {1} of {2} shown");
    private static readonly LocalizedText Digest = new("월요일마다 주간 요약을 함께 올려요", "A weekly digest goes out on Mondays");
    private static readonly LocalizedText Paused = new(
        "⏸ 일시 중지됨: {0}. 권한을 확인한 뒤 관리자가 `daily on`을 다시 실행해 주세요.",
        "⏸ Paused: {0}. Check my permissions, then an admin can run `daily on` again.");

    private static readonly LocalizedText Gone = new("채널이 없어졌거나 봇이 채널에서 빠졌어요", "the channel is gone or I was removed from it");
    private static readonly LocalizedText Forbidden = new("이 채널에 글을 쓸 권한이 없어요", "I am not allowed to post in this channel");

    public CommandSpec Spec => BotCommands.DailyStatus;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subscription = store.Find(context.Where.Channel.ChannelKey);
        Reply reply = subscription is null
            ? Reply.Text(NotOn.For(context.Lang), ReplyKind.Info, ReplyVisibility.Private)
            : Describe(subscription, context.Lang).AsPrivate();
        return Task.FromResult<IReadOnlyList<Reply>>([reply]);
    }

    public Reply Describe(DailySubscription subscription, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var schedule = DailySchedule.Of(subscription);
        var lines = new List<string>
        {
            Schedule.Format(lang, subscription.Time, subscription.Zone, subscription.Weekdays ? WeekdaysOnly.For(lang) : string.Empty, subscription.Lang),
        };

        if (subscription.PausedReason is { } reason)
        {
            var why = reason == nameof(PublishFailure.Forbidden) ? Forbidden.For(lang) : Gone.For(lang);
            lines.Add(Paused.Format(lang, why));
        }
        else if (DailyPlanner.NextDue(subscription, schedule, time.GetUtcNow()) is { } due)
        {
            var local = TimeZoneInfo.ConvertTime(due, schedule.Zone);
            var culture = CultureInfo.GetCultureInfo(lang == Lang.Ko ? "ko-KR" : "en-US");
            lines.Add(Next.Format(lang, local.ToString("yyyy-MM-dd (ddd) HH:mm", culture) + $" {subscription.Zone}"));
        }

        var pending = subscription.Pending is { State: PendingState.Pending, ConceptId: { } id } ? catalog.Find(id) : null;
        if ((pending ?? DailyPlanner.NextConcept(catalog, subscription.Shown)) is { } card)
        {
            lines.Add(NextConcept.Format(lang, CardPresenter.ShortTitle(card, lang), card.Id));
        }

        var shown = subscription.Shown.Count(c => catalog.Find(c) is not null);
        lines.Add(Progress.Format(lang, subscription.Cycle, shown, catalog.Concepts.Count));
        if (subscription.Digest)
        {
            lines.Add(Digest.For(lang));
        }

        return Reply.Text(string.Join('\n', lines.Select(l => "- " + l)), subscription.PausedReason is null ? ReplyKind.Info : ReplyKind.Warning);
    }
}
