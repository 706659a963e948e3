using System.Globalization;
using System.Security.Cryptography;
using K8sBot.Core.Content;
using K8sBot.Core.Learning;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Scoring;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Quiz;

/// <summary>
/// Private questions (<c>quiz</c>, <c>review</c>, the card's quiz button) and their answers. Every
/// answer updates FSRS memory and the score in one transaction; points halve for each repeat of
/// the same question so nobody farms the leaderboard.
/// </summary>
public sealed class PersonalQuiz(
    BotDatabase database,
    ContentCatalog catalog,
    TopicResolver topics,
    MemoryStore memory,
    ScoreStore scores,
    IOptions<LearningOptions> learning,
    IOptions<ScoringOptions> scoring,
    TenantCalendar calendar,
    BotMetrics metrics,
    TimeProvider time)
{
    internal const string SessionCollection = "quiz_sessions";

    private const string TokenAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private static readonly LocalizedText UnknownTopic = new(
        "`{0}`에 해당하는 개념이나 분류를 찾지 못했어요. `concepts`로 목록을 볼 수 있어요.",
        "I don't know a concept or category called `{0}`. `concepts` lists them.");
    private static readonly LocalizedText NoQuestions = new("이 주제에는 아직 퀴즈 문제가 없어요.", "There are no quiz questions for this topic yet.");
    private static readonly LocalizedText QuizTitle = new("퀴즈 · {0}", "Quiz · {0}");
    private static readonly LocalizedText ReviewTitle = new("복습 · {0}", "Review · {0}");
    private static readonly LocalizedText MoreDue = new("복습할 개념이 {0}개 더 있어요.", "{0} more concepts are due.");
    private static readonly LocalizedText Expired = new("이 문제는 더 이상 풀 수 없어요. `quiz`로 새 문제를 받아 보세요.", "This question has expired. Use `quiz` for a new one.");
    private static readonly LocalizedText AlreadyAnswered = new("이미 답한 문제예요.", "You already answered this question.");
    private static readonly LocalizedText NotYours = new("다른 사람의 문제예요. `quiz`로 내 문제를 받아 보세요.", "This question belongs to someone else. Use `quiz` to get your own.");
    private static readonly LocalizedText Right = new("정답이에요! 🎉", "Correct! 🎉");
    private static readonly LocalizedText Wrong = new("아쉬워요, 틀렸어요.", "Not quite.");
    private static readonly LocalizedText YouChose = new("내 답: {0}. {1}", "You chose {0}. {1}");
    private static readonly LocalizedText WhyWrong = new("왜 틀렸을까: 고른 보기는 이 개념에 맞지 않아요. 해설과 카드를 보고 다시 도전해 보세요.", "Why it's wrong: the option you chose doesn't fit this concept. Read the explanation and the card, then try again.");
    private static readonly LocalizedText Points = new("+{0}점", "+{0} points");
    private static readonly LocalizedText RepeatPoints = new("+{0}점 (같은 문제는 점수가 줄어들어요)", "+{0} points (repeated questions are worth less)");
    private static readonly LocalizedText NextReview = new("다음 복습: {0}", "Next review: {0}");
    private static readonly LocalizedText SeeCard = new("카드 보기", "See the card");
    private static readonly LocalizedText Another = new("한 문제 더", "Another question");
    private static readonly LocalizedText NothingDue = new("지금 복습할 개념이 없어요. 👍", "Nothing is due right now. 👍");
    private static readonly LocalizedText NextDueAt = new("다음 복습은 {0}에 있어요 ({1}).", "Your next review is at {0} ({1}).");
    private static readonly LocalizedText NoReviewsYet = new("아직 복습할 기록이 없어요. 새 개념으로 시작해 보세요.", "You have nothing to review yet. Start with a new concept.");
    private static readonly LocalizedText TryNew = new("새 개념: {0}", "New concept: {0}");

    /// <summary><c>quiz [topic]</c>: a due concept of the topic first, then a new one in curriculum order, then any.</summary>
    public Reply Start(TenantKey tenant, ChatUser user, string? topic, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(user);
        var concepts = topics.Resolve(topic);
        if (concepts is null)
        {
            return Reply.Text(UnknownTopic.Format(lang, UserText.Escape(topic, 40)), ReplyKind.Warning, ReplyVisibility.Private);
        }

        if (concepts.Count == 0)
        {
            return Reply.Text(NoQuestions.For(lang), ReplyKind.Info, ReplyVisibility.Private);
        }

        var now = time.GetUtcNow();
        var known = memory.AllFor(tenant, user.Id).ToDictionary(m => m.ConceptId, StringComparer.Ordinal);
        var pick = concepts.Where(c => known.TryGetValue(c.Id, out var m) && m.State.Due <= now).OrderBy(c => known[c.Id].State.Due).FirstOrDefault()
            ?? concepts.FirstOrDefault(c => !known.ContainsKey(c.Id))
            ?? concepts[Random.Shared.Next(concepts.Count)];
        return Ask(tenant, user, pick, lang, review: false, known.GetValueOrDefault(pick.Id));
    }

    /// <summary>A question on one concept (the card's quiz button).</summary>
    public Reply StartConcept(TenantKey tenant, ChatUser user, string conceptId, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(user);
        var card = catalog.Find(conceptId);
        if (card is null)
        {
            return Reply.Text(Expired.For(lang), ReplyKind.Warning, ReplyVisibility.Private);
        }

        return catalog.QuestionsFor(card.Id).Count == 0
            ? Reply.Text(NoQuestions.For(lang), ReplyKind.Info, ReplyVisibility.Private)
            : Ask(tenant, user, card, lang, review: false, memory.Find(tenant, user.Id, card.Id));
    }

    /// <summary><c>review</c>: the most overdue concept; when nothing is due, when the next one is and a new concept to try.</summary>
    public Reply Review(TenantKey tenant, ChatUser user, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        var known = memory.AllFor(tenant, user.Id).Where(m => catalog.QuestionsFor(m.ConceptId).Count > 0).ToList();
        var due = known.Where(m => m.State.Due <= now).OrderBy(m => m.State.Due).ToList();
        if (due.Count > 0 && catalog.Find(due[0].ConceptId) is { } card)
        {
            var reply = Ask(tenant, user, card, lang, review: true, due[0]);
            return due.Count > 1 ? reply with { Blocks = [.. reply.Blocks, new ContextBlock(MoreDue.Format(lang, due.Count - 1))] } : reply;
        }

        var lines = new List<string> { NothingDue.For(lang) };
        if (known.Count == 0)
        {
            lines.Add(NoReviewsYet.For(lang));
        }
        else
        {
            var next = known.Min(m => m.State.Due);
            var local = TimeZoneInfo.ConvertTime(next, calendar.Zone);
            lines.Add(NextDueAt.Format(lang, local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Relative(next - now, lang)));
        }

        var blocks = new List<Block> { new MarkdownBlock(string.Join('\n', lines)) };
        var fresh = catalog.Concepts.FirstOrDefault(c => catalog.QuestionsFor(c.Id).Count > 0 && known.All(k => k.ConceptId != c.Id));
        if (fresh is not null)
        {
            blocks.Add(new ButtonsBlock([new Button(QuizActions.Start, fresh.Id, Trim(TryNew.Format(lang, fresh.Text(lang).Title), 80), ButtonStyle.Primary)]));
        }

        return new Reply { Blocks = blocks, Fallback = PlainText.FromMarkdown(string.Join('\n', lines)), Visibility = ReplyVisibility.Private };
    }

    /// <summary>An answer button: <paramref name="value"/> is <c>token:position</c> as the platform returned it.</summary>
    public Reply Answer(TenantKey tenant, ChatUser user, string value, DateTimeOffset pressedAt, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(user);
        var parts = (value ?? string.Empty).Split(':');
        if (parts.Length != 2 || parts[0].Length is 0 or > 16 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return Reply.Text(Expired.For(lang), ReplyKind.Warning, ReplyVisibility.Private);
        }

        var sessions = database.Collection<QuizSessionDocument>(SessionCollection);
        var session = sessions.FindById(parts[0]);
        var question = session is null ? null : catalog.FindQuestion(session.QuestionId);
        if (session is null || question is null || session.Tenant != tenant.ToString())
        {
            return Reply.Text(Expired.For(lang), ReplyKind.Warning, ReplyVisibility.Private);
        }

        if (session.UserId != user.Id)
        {
            return Reply.Text(NotYours.For(lang), ReplyKind.Warning, ReplyVisibility.Private);
        }

        var order = OptionOrder.Parse(session.Order);
        if (position >= order.Count)
        {
            return Reply.Text(Expired.For(lang), ReplyKind.Warning, ReplyVisibility.Private);
        }

        var now = time.GetUtcNow();
        var at = pressedAt == default || pressedAt > now ? now : pressedAt;
        var elapsed = at - new DateTimeOffset(session.AskedAt, TimeSpan.Zero);
        var chosen = order.Authored[position];
        var correct = chosen == question.Answer;
        var options = learning.Value;
        var grade = AnswerGrading.Grade(correct, elapsed, TimeSpan.FromSeconds(options.FastSeconds), TimeSpan.FromSeconds(options.SlowSeconds));

        var outcome = database.InTransaction(db =>
        {
            var fresh = db.GetCollection<QuizSessionDocument>(SessionCollection).FindById(session.Id);
            if (fresh is null || fresh.Answered)
            {
                return ((MemoryState State, int SeenBefore, long Points)?)null;
            }

            fresh.Answered = true;
            db.GetCollection<QuizSessionDocument>(SessionCollection).Update(fresh);
            var (state, seenBefore) = memory.Apply(db, tenant, user.Id, question.ConceptId, question.Id, grade, at);
            var points = correct ? DiminishedPoints(scoring.Value.PersonalPoints, seenBefore) : 0;
            scores.Record(db, tenant, user.Id, points, correct, at);
            return (state, seenBefore, points);
        });

        if (outcome is not { } result)
        {
            return Reply.Text(AlreadyAnswered.For(lang), ReplyKind.Info, ReplyVisibility.Private);
        }

        metrics.QuizAnswers.Add(1, new KeyValuePair<string, object?>("mode", session.Review ? "review" : "quiz"), new KeyValuePair<string, object?>("correct", correct));
        return Outcome(question, order, position, correct, result.Points, result.SeenBefore, result.State, now, lang);
    }

    /// <summary>Full points the first time, then half for each earlier answer to the same question.</summary>
    internal static long DiminishedPoints(int full, int seenBefore) => seenBefore >= 16 ? 0 : full >> seenBefore;

    private Reply Ask(TenantKey tenant, ChatUser user, ConceptCard card, Lang lang, bool review, ConceptMemory? known)
    {
        var questions = catalog.QuestionsFor(card.Id);
        var seen = known?.Seen ?? new Dictionary<string, int>();
        var fewest = questions.Min(q => seen.GetValueOrDefault(q.Id));
        var candidates = questions.Where(q => seen.GetValueOrDefault(q.Id) == fewest).ToList();
        var question = candidates[Random.Shared.Next(candidates.Count)];
        var order = OptionOrder.Shuffle(question.OptionCount, Random.Shared);
        var token = RandomNumberGenerator.GetString(TokenAlphabet, 10);
        database.Collection<QuizSessionDocument>(SessionCollection).Insert(new QuizSessionDocument
        {
            Id = token,
            Tenant = tenant.ToString(),
            UserId = user.Id,
            QuestionId = question.Id,
            Order = order.ToString(),
            AskedAt = time.GetUtcNow().UtcDateTime,
            Review = review,
        });

        var title = (review ? ReviewTitle : QuizTitle).Format(lang, card.Text(lang).Title);
        var body = QuestionView.Body(question, order, lang);
        return new Reply
        {
            Blocks = [new TitleBlock(title), new MarkdownBlock(body), new ButtonsBlock(QuestionView.Buttons(order, QuizActions.Answer, token))],
            Fallback = PlainText.FromMarkdown($"{title}\n{body}"),
            Visibility = ReplyVisibility.Private,
            Accent = card.Category.Slug(),
        };
    }

    private Reply Outcome(QuizQuestion question, OptionOrder order, int position, bool correct, long points, int seenBefore, MemoryState state, DateTimeOffset now, Lang lang)
    {
        var text = question.Text(lang);
        var lines = new List<string>
        {
            $"**{(correct ? Right : Wrong).For(lang)}**",
            YouChose.Format(lang, OptionOrder.Letter(position), text.Options[order.Authored[position]]),
            QuestionView.CanonicalAnswer(question, order, lang),
            QuestionView.Why(question, lang),
        };
        if (!correct)
        {
            lines.Add(WhyWrong.For(lang));
        }

        var footer = new List<string>();
        if (correct)
        {
            footer.Add((seenBefore > 0 ? RepeatPoints : Points).Format(lang, points));
        }

        var local = TimeZoneInfo.ConvertTime(state.Due, calendar.Zone);
        footer.Add(NextReview.Format(lang, $"{local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({Relative(state.Due - now, lang)})"));
        var body = string.Join('\n', lines);
        return new Reply
        {
            Blocks =
            [
                new MarkdownBlock(body),
                new ContextBlock(string.Join(" · ", footer)),
                new ButtonsBlock(
                [
                    new Button(Content.CardActions.Show, question.ConceptId, SeeCard.For(lang)),
                    new Button(QuizActions.Start, question.ConceptId, Another.For(lang), ButtonStyle.Primary),
                ]),
            ],
            Fallback = PlainText.FromMarkdown(body),
            Kind = correct ? ReplyKind.Success : ReplyKind.Warning,
            Visibility = ReplyVisibility.Private,
        };
    }

    private static string Relative(TimeSpan span, Lang lang)
    {
        if (span <= TimeSpan.Zero)
        {
            return lang == Lang.Ko ? "지금" : "now";
        }

        if (span.TotalDays >= 1)
        {
            var days = (int)Math.Round(span.TotalDays);
            return lang == Lang.Ko ? $"{days}일 후" : $"in {days} day{(days == 1 ? string.Empty : "s")}";
        }

        var hours = Math.Max(1, (int)Math.Round(span.TotalHours));
        return lang == Lang.Ko ? $"{hours}시간 후" : $"in {hours} hour{(hours == 1 ? string.Empty : "s")}";
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
