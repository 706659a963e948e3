using System.Globalization;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Learning;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Scoring;

/// <summary><c>score [user]</c>: points, accuracy, streaks, mastery and the weakest concepts.</summary>
internal sealed class ScoreCommand(
    ScoreStore scores,
    MemoryStore memory,
    UserProfileStore profiles,
    ContentCatalog catalog,
    IOptions<LearningOptions> learning,
    TimeProvider time) : ICommandHandler
{
    private static readonly LocalizedText NotFound = new("`{0}`님을 찾지 못했어요. 멘션하거나 표시 이름을 정확히 적어 주세요.", "I couldn't find `{0}`. Mention them or type their display name exactly.");
    private static readonly LocalizedText Title = new("{0}님의 점수", "{0}'s score");
    private static readonly LocalizedText NoScore = new("{0}님은 아직 푼 문제가 없어요. `quiz`로 시작해 보세요!", "{0} hasn't answered any questions yet. Try `quiz`!");
    private static readonly LocalizedText PointsName = new("점수", "Points");
    private static readonly LocalizedText PointsValue = new("전체 {0:N0} · 이번 주 {1:N0} · 지난주 {2:N0}", "all time {0:N0} · this week {1:N0} · last week {2:N0}");
    private static readonly LocalizedText AccuracyName = new("정답률", "Accuracy");
    private static readonly LocalizedText AccuracyValue = new("{0}/{1} 정답 ({2:P0})", "{0}/{1} correct ({2:P0})");
    private static readonly LocalizedText StreakName = new("연속 학습일", "Daily streak");
    private static readonly LocalizedText StreakValue = new("현재 {0}일 · 최고 {1}일", "current {0} days · best {1} days");
    private static readonly LocalizedText MasteredName = new("숙련한 개념", "Concepts mastered");
    private static readonly LocalizedText MasteredValue = new("{0}개 (기억 안정도 {1}일 이상)", "{0} (memory stability of {1}+ days)");
    private static readonly LocalizedText WeakestName = new("가장 약한 개념", "Weakest concepts");
    private static readonly LocalizedText NoWeakest = new("아직 없음", "none yet");

    public CommandSpec Spec => BotCommands.Score;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = context.Lang;
        var tenant = context.Where.Tenant;
        var target = context.Args.Text("user");
        string userId;
        string name;
        if (string.IsNullOrWhiteSpace(target))
        {
            userId = context.User.Id;
            name = context.User.DisplayName;
        }
        else
        {
            var profile = UserReference.MentionedId(target) is { } id
                ? profiles.Find(tenant, id) ?? new UserProfile(tenant, id, id, null)
                : profiles.FindByName(tenant, target);
            if (profile is null)
            {
                return Done(Reply.Text(NotFound.Format(lang, UserText.Escape(target, 40)), ReplyKind.Warning, ReplyVisibility.Private));
            }

            userId = profile.UserId;
            name = profile.DisplayName;
        }

        var now = time.GetUtcNow();
        var score = scores.Find(tenant, userId, now);
        var shownName = UserText.Escape(name, 60);
        if (score is null || score.Answered == 0)
        {
            return Done(Reply.Text(NoScore.Format(lang, shownName), ReplyKind.Info, ReplyVisibility.Private));
        }

        var memories = memory.AllFor(tenant, userId);
        var threshold = learning.Value.MasteredStabilityDays;
        var mastered = memories.Count(m => m.State.Stability >= threshold);
        var weakest = memories
            .Where(m => m.State.Stability < threshold)
            .OrderBy(m => memory.Retrievability(m, now))
            .ThenBy(m => m.State.Stability)
            .Take(3)
            .Select(m => catalog.Find(m.ConceptId)?.Text(lang).Title ?? m.ConceptId)
            .ToList();

        var fields = new List<Field>
        {
            new(PointsName.For(lang), PointsValue.Format(lang, score.Points, score.WeekPoints, score.LastWeekPoints)),
            new(AccuracyName.For(lang), AccuracyValue.Format(lang, score.Correct, score.Answered, score.Accuracy)),
            new(StreakName.For(lang), StreakValue.Format(lang, score.CurrentStreak, score.BestStreak)),
            new(MasteredName.For(lang), MasteredValue.Format(lang, mastered, threshold.ToString("0", CultureInfo.InvariantCulture))),
            new(WeakestName.For(lang), weakest.Count == 0 ? NoWeakest.For(lang) : string.Join(", ", weakest)),
        };
        var title = Title.Format(lang, name.Length > 60 ? name[..60] : name);
        var reply = new Reply
        {
            Blocks = [new TitleBlock(title), new FieldsBlock(fields)],
            Fallback = PlainText.FromMarkdown(title + ": " + string.Join("; ", fields.Select(f => $"{f.Name} {f.Value}"))),
            Visibility = ReplyVisibility.Private,
        };
        return Done(reply);
    }

    private static Task<IReadOnlyList<Reply>> Done(Reply reply) => Task.FromResult<IReadOnlyList<Reply>>([reply]);
}
