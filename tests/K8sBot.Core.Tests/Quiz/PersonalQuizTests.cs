using System.Text.RegularExpressions;
using K8sBot.Core.Commands;
using K8sBot.Core.Learning;
using K8sBot.Core.Messaging;
using K8sBot.Core.Scoring;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

public sealed partial class PersonalQuizTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly ConversationAddress Where = new(Platform.Console, "local", "c1");
    private static readonly ChatUser Ann = new("ann", "Ann", "en");
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_correct_answer_explains_updates_memory_and_scores()
    {
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(Start));
        var question = await SendAsync(host, Ann, "quiz deployment");
        Assert.Equal(ReplyVisibility.Private, question.Visibility);
        Assert.Contains("What is deployment-1?", question.Fallback, StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromSeconds(12));
        var outcome = await PressAsync(host, Ann, Correct(question));

        Assert.Equal(ReplyKind.Success, outcome.Kind);
        var text = string.Join('\n', outcome.Blocks.OfType<MarkdownBlock>().Select(b => b.Markdown));
        Assert.Contains("Correct!", text, StringComparison.Ordinal);
        Assert.Contains("English explanation for What is deployment-1?", text, StringComparison.Ordinal);
        Assert.Contains("English option 0 RIGHT", text, StringComparison.Ordinal);
        var buttons = outcome.Blocks.OfType<ButtonsBlock>().Single().Buttons;
        Assert.Contains(buttons, b => b.ActionId == "card.show" && b.Value == "deployment");

        var memory = host.Get<MemoryStore>().Find(Where.Tenant, "ann", "deployment")!;
        Assert.Equal(2.3065, memory.State.Stability, 6); // 12 s is neither fast nor slow: Good
        Assert.Equal(100, host.Get<ScoreStore>().Find(Where.Tenant, "ann", host.Time.GetUtcNow())!.Points);
    }

    [Fact]
    public async Task A_wrong_answer_teaches_and_scores_nothing()
    {
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(Start));
        var question = await SendAsync(host, Ann, "quiz deployment");
        var wrong = question.Blocks.OfType<ButtonsBlock>().Single().Buttons.First(b => b.Value != Correct(question).Value);

        var outcome = await PressAsync(host, Ann, wrong);

        Assert.Equal(ReplyKind.Warning, outcome.Kind);
        Assert.Contains("Not quite", outcome.Fallback, StringComparison.Ordinal);
        Assert.Contains("Why it's wrong", outcome.Fallback, StringComparison.Ordinal);
        Assert.Contains("Answer: ", outcome.Fallback, StringComparison.Ordinal);
        var score = host.Get<ScoreStore>().Find(Where.Tenant, "ann", Start)!;
        Assert.Equal((0L, 1, 0), (score.Points, score.Answered, score.Correct));
        Assert.Equal(0.212, host.Get<MemoryStore>().Find(Where.Tenant, "ann", "deployment")!.State.Stability, 6);
    }

    [Fact]
    public async Task Repeated_questions_give_diminishing_points()
    {
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(Start));
        var points = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var question = await SendAsync(host, Ann, "quiz deployment");
            await PressAsync(host, Ann, Correct(question));
            points.Add(host.Get<ScoreStore>().Find(Where.Tenant, "ann", Start)!.Points);
        }

        Assert.Equal([100L, 150L, 175L], points);
    }

    [Fact]
    public async Task Answer_buttons_are_checked_against_stored_state()
    {
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(Start));
        var question = await SendAsync(host, Ann, "quiz pod");
        var right = Correct(question);

        var forged = await PressAsync(host, Ann, right with { Value = "nosuchtoken:0" });
        Assert.Contains("expired", forged.Fallback, StringComparison.Ordinal);
        var outOfRange = await PressAsync(host, Ann, right with { Value = right.Value.Split(':')[0] + ":9" });
        Assert.Contains("expired", outOfRange.Fallback, StringComparison.Ordinal);
        var garbage = await PressAsync(host, Ann, right with { Value = new string('x', 300) });
        Assert.Contains("expired", garbage.Fallback, StringComparison.Ordinal);
        var someoneElse = await PressAsync(host, new ChatUser("bo", "Bo", "en"), right);
        Assert.Contains("someone else", someoneElse.Fallback, StringComparison.Ordinal);

        Assert.Contains("Correct", (await PressAsync(host, Ann, right)).Fallback, StringComparison.Ordinal);
        Assert.Contains("already answered", (await PressAsync(host, Ann, right)).Fallback, StringComparison.Ordinal);
        Assert.Equal(100, host.Get<ScoreStore>().Find(Where.Tenant, "ann", Start)!.Points);
    }

    [Fact]
    public async Task The_card_quiz_button_starts_a_question_on_that_concept()
    {
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(Start));

        var reply = await PressAsync(host, Ann, new Button("quiz.start", "service", "Quiz me"));

        Assert.Contains("What is service-1?", reply.Fallback, StringComparison.Ordinal);
        Assert.All(reply.Blocks.OfType<ButtonsBlock>().Single().Buttons, b => Assert.True(b.ActionId.Length + b.Value.Length + 1 <= Button.MaxPayloadLength));
    }

    [Fact]
    public async Task Review_serves_the_most_overdue_concept_and_otherwise_says_when()
    {
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(Start));
        var nothing = await SendAsync(host, Ann, "review");
        Assert.Contains("nothing to review yet", nothing.Fallback, StringComparison.Ordinal);
        Assert.Contains(nothing.Blocks.OfType<ButtonsBlock>().Single().Buttons, b => b.ActionId == "quiz.start" && b.Value == "pod");

        // Pod answered wrong (due in 1 day), service answered right (due in 2 days).
        var pod = await SendAsync(host, Ann, "quiz pod");
        await PressAsync(host, Ann, pod.Blocks.OfType<ButtonsBlock>().Single().Buttons.First(b => b.Value != Correct(pod).Value));
        host.Time.Advance(TimeSpan.FromSeconds(12));
        var service = await SendAsync(host, Ann, "quiz service");
        host.Time.Advance(TimeSpan.FromSeconds(12));
        await PressAsync(host, Ann, Correct(service));

        var notYet = await SendAsync(host, Ann, "review");
        Assert.Contains("Your next review is at", notYet.Fallback, StringComparison.Ordinal);
        Assert.Contains(notYet.Blocks.OfType<ButtonsBlock>().Single().Buttons, b => b.Value == "deployment");

        host.Time.Advance(TimeSpan.FromDays(3));
        var due = await SendAsync(host, Ann, "review");
        Assert.Contains("Review · Pod", due.Fallback, StringComparison.Ordinal);
        Assert.Contains(due.Blocks.OfType<ContextBlock>(), c => c.Markdown.Contains("1 more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_topic_gets_a_friendly_reply()
    {
        await using var host = new QuizHost(_db.Path, new FakeTimeProvider(Start));
        var reply = await SendAsync(host, Ann, "quiz nonsense");
        Assert.Contains("don't know a concept or category called `nonsense`", reply.Blocks.OfType<MarkdownBlock>().Single().Markdown, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Warning, reply.Kind);
    }

    internal static Button Correct(Reply question)
    {
        var body = question.Blocks.OfType<MarkdownBlock>().Single().Markdown;
        var letter = RightOption().Match(body).Groups[1].Value;
        return question.Blocks.OfType<ButtonsBlock>().Single().Buttons.Single(b => b.Label == letter);
    }

    private static async Task<Reply> SendAsync(QuizHost host, ChatUser user, string text) =>
        (await host.Get<IChatCore>().HandleAsync(IncomingMessage.FromText(Where, user, text, host.Time.GetUtcNow()), default)).Single();

    private static async Task<Reply> PressAsync(QuizHost host, ChatUser user, Button button) =>
        (await host.Get<IChatCore>().HandleAsync(IncomingMessage.FromButton(Where, user, new ButtonPress(button.ActionId, button.Value), host.Time.GetUtcNow()), default)).Single();

    [GeneratedRegex(@"\*\*([A-D])\.\*\* [^\n]*RIGHT")]
    private static partial Regex RightOption();
}
