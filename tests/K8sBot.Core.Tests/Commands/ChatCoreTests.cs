using K8sBot.Core.Ask;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace K8sBot.Core.Tests.Commands;

public sealed class ChatCoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _temp = new();
    private readonly BotDatabase _database;
    private readonly UserProfileStore _profiles;
    private readonly ChatCore _core;

    public ChatCoreTests()
    {
        _database = _temp.Open();
        _profiles = new UserProfileStore(_database);
        _core = Build();
    }

    private ChatCore Build(params ICommandHandler[] extra)
    {
        var catalog = TestCatalog.Create();
        var presenter = new CardPresenter(catalog);
        var lookup = new ConceptLookup(catalog);
        ICommandHandler[] handlers =
        [
            new HelpCommand(), new LangCommand(_profiles), new CardCommand(lookup, presenter, catalog), new ConceptsCommand(catalog),
            new AskCommand(new CatalogAskEngine(catalog), new AskReplyBuilder(catalog, presenter)), .. extra,
        ];
        return new ChatCore(handlers, [new CardButtons(catalog, presenter)], [], _profiles, NullLogger<ChatCore>.Instance);
    }

    private static IncomingMessage Text(string text, bool admin = true, string? locale = null) =>
        IncomingMessage.FromText(new ConversationAddress(Platform.Console, "local", "c1"), new ChatUser("u1", "Min", locale, admin), text, Now);

    private async Task<Reply> One(IncomingMessage message) => Assert.Single(await _core.HandleAsync(message, CancellationToken.None));

    [Fact]
    public async Task A_korean_question_gets_the_korean_card()
    {
        var reply = await One(Text("ask 파드가 뭐야?"));
        Assert.Equal("파드 (Pod)", Assert.IsType<TitleBlock>(reply.Blocks[0]).Text);
    }

    [Fact]
    public async Task An_english_question_gets_the_english_card()
    {
        var reply = await One(Text("what is a pod"));
        Assert.Equal("Pod", Assert.IsType<TitleBlock>(reply.Blocks[0]).Text);
    }

    [Fact]
    public async Task Commands_answer_in_korean_by_default_and_in_english_after_lang_en()
    {
        var before = await One(Text("card rs"));
        Assert.Equal("레플리카셋 (ReplicaSet)", Assert.IsType<TitleBlock>(before.Blocks[0]).Text);

        var saved = await One(Text("lang en"));
        Assert.Equal(ReplyKind.Success, saved.Kind);

        var after = await One(Text("card rs"));
        Assert.Equal("ReplicaSet", Assert.IsType<TitleBlock>(after.Blocks[0]).Text);

        var korean = await One(Text("ask 파드가 뭐야?"));
        Assert.Equal("Pod", Assert.IsType<TitleBlock>(korean.Blocks[0]).Text);
    }

    [Fact]
    public async Task The_platform_locale_is_used_when_nothing_else_decides()
    {
        var reply = await One(Text("card pod", locale: "en-US"));
        Assert.Equal("Pod", Assert.IsType<TitleBlock>(reply.Blocks[0]).Text);
    }

    [Fact]
    public async Task Bad_arguments_get_a_private_usage_reply_in_the_users_language()
    {
        var reply = await One(Text("match start 100"));
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal(ReplyKind.Warning, reply.Kind);
        Assert.Contains("/k8s match start [count=10]", reply.Fallback, StringComparison.Ordinal);
        Assert.Contains("사용법", reply.Fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_command_gets_a_suggestion()
    {
        var reply = await One(Text("hlep"));
        Assert.Contains("/k8s help", reply.Fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_only_commands_refuse_other_users_privately()
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Spec).Returns(BotCommands.DailyOn);
        var core = Build(handler.Object);

        var reply = Assert.Single(await core.HandleAsync(Text("daily on", admin: false), CancellationToken.None));

        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Contains("관리자", reply.Fallback, StringComparison.Ordinal);
        handler.Verify(h => h.HandleAsync(It.IsAny<CommandContext>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_failing_handler_becomes_a_friendly_error_not_an_exception()
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Spec).Returns(BotCommands.Review);
        handler.Setup(h => h.HandleAsync(It.IsAny<CommandContext>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom at line 42"));
        var core = Build(handler.Object);

        var reply = Assert.Single(await core.HandleAsync(Text("review"), CancellationToken.None));

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.DoesNotContain("boom", reply.Fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_more_button_shows_the_full_card_privately()
    {
        var press = IncomingMessage.FromButton(new ConversationAddress(Platform.Console, "local", "c1"), new ChatUser("u1", "Min"), new ButtonPress(CardActions.More, "deployment"), Now);
        var reply = await One(press);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Contains(reply.Blocks, b => b is CodeBlock);
    }

    [Theory]
    [InlineData("card.more", "no-such-concept")]
    [InlineData("nothing.here", "x")]
    [InlineData("", "")]
    public async Task A_forged_button_gets_a_polite_refusal(string action, string value)
    {
        var press = IncomingMessage.FromButton(new ConversationAddress(Platform.Console, "local", "c1"), new ChatUser("u1", "Min"), new ButtonPress(action, value), Now);
        var reply = await One(press);
        Assert.Equal(ReplyKind.Warning, reply.Kind);
    }

    [Fact]
    public async Task Comparison_questions_answer_with_both_concepts()
    {
        var reply = await One(Text("deployment vs rs"));
        Assert.Equal("Deployment vs ReplicaSet", Assert.IsType<TitleBlock>(reply.Blocks[0]).Text);
    }

    [Fact]
    public async Task Out_of_scope_questions_are_declined_with_suggestions_and_escaped()
    {
        var reply = await One(Text("what should I eat for lunch @everyone"));
        var text = string.Concat(reply.Blocks.OfType<MarkdownBlock>().Select(b => b.Markdown));
        Assert.Contains("outside", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
        Assert.Equal(3, reply.Blocks.OfType<ButtonsBlock>().Single().Buttons.Count);
    }

    [Fact]
    public async Task Unknown_card_names_are_escaped_in_the_reply()
    {
        var reply = await One(Text("card **<@123>**"));
        Assert.Equal(ReplyKind.Warning, reply.Kind);
        var text = ((MarkdownBlock)reply.Blocks[0]).Markdown;
        Assert.DoesNotContain("<@123>", text, StringComparison.Ordinal);
        Assert.Contains("`", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concepts_lists_by_category_and_rejects_unknown_categories()
    {
        var all = await One(Text("concepts"));
        Assert.Equal(2, all.Blocks.OfType<FieldsBlock>().Single().Fields.Count);
        var unknown = await One(Text("concepts kafka"));
        Assert.Equal(ReplyKind.Warning, unknown.Kind);
    }

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }
}
