using System.Globalization;
using System.Text;
using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Scoring;

/// <summary><c>leaderboard [week|all] [people|teams]</c>: top 10 and the caller's own rank.</summary>
internal sealed class LeaderboardCommand(Leaderboard boards, Quiz.TeamStore teams, TimeProvider time) : ICommandHandler
{
    private const int Top = 10;

    private static readonly LocalizedText WeekPeople = new("이번 주 순위", "This week's leaderboard");
    private static readonly LocalizedText AllPeople = new("전체 순위", "All-time leaderboard");
    private static readonly LocalizedText WeekTeams = new("이번 주 팀 순위 (참여한 팀원 평균)", "This week's teams (average of playing members)");
    private static readonly LocalizedText AllTeams = new("전체 팀 순위 (참여한 팀원 평균)", "All-time teams (average of playing members)");
    private static readonly LocalizedText Empty = new("아직 점수가 없어요. `quiz`나 `match start`로 시작해 보세요!", "No points yet. Start with `quiz` or `match start`!");
    private static readonly LocalizedText YourRank = new("내 순위: {0}위 ({1:N0}점)", "Your rank: #{0} ({1:N0} points)");
    private static readonly LocalizedText YourTeamRank = new("우리 팀 순위: {0}위", "Your team's rank: #{0}");
    private static readonly LocalizedText NotRanked = new("아직 순위에 없어요.", "You're not on this board yet.");
    private static readonly LocalizedText Members = new("{0}명", "{0} playing");
    private static readonly LocalizedText LastWeek = new("지난주 1위: {0} ({1:N0}점)", "Last week's winner: {0} ({1:N0} points)");
    private static readonly LocalizedText WeekEnds = new("이번 주는 {0} 에 끝나요.", "This week ends {0}.");

    public CommandSpec Spec => BotCommands.Leaderboard;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = context.Lang;
        var tenant = context.Where.Tenant;
        var now = time.GetUtcNow();
        var period = context.Args.Text("period") == "all" ? LeaderboardPeriod.All : LeaderboardPeriod.Week;
        var teamsBoard = context.Args.Text("scope") == "teams";
        var rows = teamsBoard ? boards.Teams(tenant, period, now) : boards.People(tenant, period, now);
        var title = (period, teamsBoard) switch
        {
            (LeaderboardPeriod.Week, false) => WeekPeople,
            (LeaderboardPeriod.Week, true) => WeekTeams,
            (_, false) => AllPeople,
            _ => AllTeams,
        };

        var text = new StringBuilder();
        if (rows.Count == 0)
        {
            text.AppendLine(Empty.For(lang));
        }

        foreach (var row in rows.Take(Top))
        {
            var points = row.Item.Points.ToString("#,0.#", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{Medal(row.Rank)} **{UserText.Escape(row.Item.Name, 40)}** {points}");
            if (teamsBoard)
            {
                text.Append(" (").Append(Members.Format(lang, row.Item.Members)).Append(')');
            }

            text.AppendLine();
        }

        var context2 = new List<string>();
        if (teamsBoard)
        {
            var team = teams.Of(tenant, context.User.Id);
            var mine = team is null ? null : rows.FirstOrDefault(r => r.Item.Key == team.TeamKey);
            context2.Add(mine is null ? NotRanked.For(lang) : YourTeamRank.Format(lang, mine.Rank));
        }
        else
        {
            var mine = rows.FirstOrDefault(r => r.Item.Key == context.User.Id);
            context2.Add(mine is null ? NotRanked.For(lang) : YourRank.Format(lang, mine.Rank, mine.Item.Points));
        }

        if (period == LeaderboardPeriod.Week && !teamsBoard)
        {
            var last = boards.People(tenant, LeaderboardPeriod.LastWeek, now).FirstOrDefault();
            if (last is not null)
            {
                context2.Add(LastWeek.Format(lang, UserText.Escape(last.Item.Name, 40), last.Item.Points));
            }
        }

        if (period == LeaderboardPeriod.Week)
        {
            context2.Add(WeekEnds.Format(lang, boards.WeekEnd(now).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)));
        }

        var footer = string.Join(" · ", context2);
        var body = text.ToString().TrimEnd();
        return Task.FromResult<IReadOnlyList<Reply>>(
        [
            new Reply
            {
                Blocks = [new TitleBlock(title.For(lang)), new MarkdownBlock(body), new ContextBlock(footer)],
                Fallback = PlainText.FromMarkdown($"{title.For(lang)}\n{body}\n{footer}"),
            },
        ]);
    }

    private static string Medal(int rank) => rank switch
    {
        1 => "🥇",
        2 => "🥈",
        3 => "🥉",
        _ => rank.ToString(CultureInfo.InvariantCulture) + ".",
    };
}
