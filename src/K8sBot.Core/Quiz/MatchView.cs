using System.Globalization;
using System.Text;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Scoring;

namespace K8sBot.Core.Quiz;

/// <summary>The public messages of a competition.</summary>
internal static class MatchView
{
    private static readonly LocalizedText Announce = new("🏁 퀴즈 대결 시작! {0}문제, 문제당 {1}초{2}{3}", "🏁 Quiz match! {0} questions, {1}s each{2}{3}");
    private static readonly LocalizedText TopicPart = new(", 주제: {0}", ", topic: {0}");
    private static readonly LocalizedText TeamsPart = new(", 팀 대항전 (`team join 이름`)", ", teams (`team join NAME`)");
    private static readonly LocalizedText AnnounceHint = new("문제는 스레드에 올라와요. 버튼을 누르면 첫 선택만 인정돼요. 빠를수록 점수가 높아요!", "Questions go to the thread. Your first press counts; faster answers score more!");
    private static readonly LocalizedText ThreadName = new("퀴즈 대결", "Quiz match");
    private static readonly LocalizedText QuestionTitle = new("{0}/{1}번 문제 · {2}", "Question {0}/{1} · {2}");
    private static readonly LocalizedText Remaining = new("⏱ 남은 시간 {0}초", "⏱ {0}s left");
    private static readonly LocalizedText ClosedNote = new("⏱ 마감", "⏱ Closed");
    private static readonly LocalizedText GotIt = new("{0}/{1}명 정답", "{0} of {1} got it");
    private static readonly LocalizedText NoOne = new("아무도 답하지 않았어요.", "Nobody answered.");
    private static readonly LocalizedText Fastest = new("가장 빠른 정답: {0}", "Fastest: {0}");
    private static readonly LocalizedText Leaders = new("현재 순위: {0}", "Leaders: {0}");
    private static readonly LocalizedText FinalTitle = new("🏆 최종 순위", "🏆 Final standings");
    private static readonly LocalizedText StoppedTitle = new("⏹ 대결 중단 · 지금까지 순위", "⏹ Match stopped · standings so far");
    private static readonly LocalizedText People = new("개인", "People");
    private static readonly LocalizedText TeamsTitle = new("팀 (참여한 팀원 평균)", "Teams (average of playing members)");
    private static readonly LocalizedText Members = new("{0}명", "{0} playing");
    private static readonly LocalizedText NoPlayers = new("참가자가 없었어요.", "Nobody played.");
    private static readonly LocalizedText NoTeam = new("팀 없음: {0}", "No team: {0}");
    private static readonly LocalizedText Points = new("{0:#,0.#}점", "{0:#,0.#} pts");

    public static string Thread(Lang lang) => ThreadName.For(lang);

    public static Reply Announcement(RoundDocument round, string? topicTitle, Lang lang)
    {
        var text = Announce.Format(
            lang,
            round.QuestionIds.Count,
            round.Seconds,
            topicTitle is null ? string.Empty : TopicPart.Format(lang, topicTitle),
            round.Teams ? TeamsPart.For(lang) : string.Empty);
        return new Reply
        {
            Blocks = [new MarkdownBlock($"**{text}**"), new ContextBlock(AnnounceHint.For(lang))],
            Fallback = PlainText.FromMarkdown(text),
        };
    }

    public static Reply Question(RoundDocument round, QuizQuestion question, ConceptCard? card, int index, TimeSpan? remaining, Lang lang)
    {
        var order = OptionOrder.Parse(round.Orders[index]);
        var title = QuestionTitle.Format(lang, index + 1, round.QuestionIds.Count, card?.Text(lang).Title ?? question.ConceptId);
        var body = QuestionView.Body(question, order, lang);
        var blocks = new List<Block> { new TitleBlock(title), new MarkdownBlock(body) };
        if (remaining is { } left)
        {
            blocks.Add(new ContextBlock(Remaining.Format(lang, (int)Math.Ceiling(left.TotalSeconds))));
            blocks.Add(new ButtonsBlock(QuestionView.Buttons(order, QuizActions.MatchAnswer, $"{round.Id}:{index}")));
        }
        else
        {
            blocks.Add(new ContextBlock(ClosedNote.For(lang)));
        }

        return new Reply { Blocks = blocks, Fallback = PlainText.FromMarkdown($"{title}\n{body}") };
    }

    public static Reply Result(RoundDocument round, QuizQuestion question, int index, IReadOnlyList<(AnswerDocument Answer, bool Correct)> answers, Lang lang)
    {
        var order = OptionOrder.Parse(round.Orders[index]);
        var lines = new List<string> { QuestionView.CanonicalAnswer(question, order, lang), QuestionView.Why(question, lang) };
        if (answers.Count == 0)
        {
            lines.Add(NoOne.For(lang));
        }
        else
        {
            lines.Add(GotIt.Format(lang, answers.Count(a => a.Correct), answers.Count));
            var fastest = answers.Where(a => a.Correct).OrderBy(a => a.Answer.ElapsedMs).ThenBy(a => a.Answer.At).Take(3)
                .Select((a, i) => $"{i + 1}. {UserText.Escape(a.Answer.UserName, 40)} {(a.Answer.ElapsedMs / 1000.0).ToString("0.0", CultureInfo.InvariantCulture)}s")
                .ToList();
            if (fastest.Count > 0)
            {
                lines.Add(Fastest.Format(lang, string.Join(", ", fastest)));
            }
        }

        var leaders = Ranking.Rank(round.Players, p => p.Points, p => p.Name).Take(3)
            .Select(r => $"{r.Rank}. {UserText.Escape(r.Item.Name, 40)} {Points.Format(lang, r.Item.Points)}").ToList();
        var blocks = new List<Block> { new MarkdownBlock(string.Join('\n', lines)) };
        if (leaders.Count > 0)
        {
            blocks.Add(new ContextBlock(Leaders.Format(lang, string.Join(", ", leaders))));
        }

        return new Reply { Blocks = blocks, Fallback = PlainText.FromMarkdown(string.Join('\n', lines)), Kind = ReplyKind.Success };
    }

    public static Reply Standings(RoundDocument round, Lang lang)
    {
        var title = (round.Stopped ? StoppedTitle : FinalTitle).For(lang);
        var blocks = new List<Block> { new TitleBlock(title) };
        var text = new StringBuilder();
        if (round.Players.Count == 0)
        {
            text.AppendLine(NoPlayers.For(lang));
        }

        foreach (var row in Ranking.Rank(round.Players, p => p.Points, p => p.Name).Take(20))
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Rank}. **{UserText.Escape(row.Item.Name, 40)}** {Points.Format(lang, row.Item.Points)} ({row.Item.Correct}/{round.Scored + 1})").AppendLine();
        }

        var fields = new List<Field> { new(People.For(lang), text.ToString().TrimEnd()) };
        if (round.Teams && round.Players.Count > 0)
        {
            var teams = round.Players.Where(p => p.TeamKey is not null)
                .GroupBy(p => p.TeamKey!, StringComparer.Ordinal)
                .Select(g => (Name: g.First().TeamName ?? g.Key, Average: Math.Round(g.Average(p => (double)p.Points), 1), Count: g.Count()));
            var teamText = new StringBuilder();
            foreach (var row in Ranking.Rank(teams, t => t.Average, t => t.Name))
            {
                teamText.Append(CultureInfo.InvariantCulture, $"{row.Rank}. **{UserText.Escape(row.Item.Name, 40)}** {Points.Format(lang, row.Item.Average)} · {Members.Format(lang, row.Item.Count)}").AppendLine();
            }

            var solo = round.Players.Where(p => p.TeamKey is null).Select(p => UserText.Escape(p.Name, 40)).ToList();
            if (solo.Count > 0)
            {
                teamText.AppendLine(NoTeam.Format(lang, string.Join(", ", solo)));
            }

            fields.Add(new Field(TeamsTitle.For(lang), teamText.ToString().TrimEnd()));
        }

        blocks.Add(new FieldsBlock(fields));
        return new Reply
        {
            Blocks = blocks,
            Fallback = PlainText.FromMarkdown(title + "\n" + string.Join('\n', fields.Select(f => f.Name + "\n" + f.Value))),
            Kind = ReplyKind.Success,
        };
    }
}
