using FsCheck;
using FsCheck.Fluent;
using K8sBot.Core.Ask;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Properties;
using K8sBot.Core.Storage;
using K8sBot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sBot.Core.Tests.Properties;

/// <summary>Properties of the parser and router over 10,000 hostile inputs each.</summary>
public sealed class ChatCoreProperties : IDisposable
{
    private const int Runs = 10_000;
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true);
    private readonly TempDatabase _temp = new();
    private readonly BotDatabase _database;
    private readonly UserProfileStore _profiles;
    private readonly ChatCore _core;
    private readonly CommandLineParser _parser = new(BotCommands.All);

    public ChatCoreProperties()
    {
        _database = _temp.Open();
        _profiles = new UserProfileStore(_database);
        var catalog = TestCatalog.Create();
        var presenter = new CardPresenter(catalog);
        _core = new ChatCore(
            [
                new HelpCommand(), new LangCommand(_profiles), new CardCommand(new ConceptLookup(catalog), presenter, catalog), new ConceptsCommand(catalog),
                new AskCommand(new CatalogAskEngine(catalog), new AskReplyBuilder(catalog, presenter)),
            ],
            [new CardButtons(catalog, presenter)],
            [],
            _profiles,
            NullLogger<ChatCore>.Instance);
    }

    private static IncomingMessage Message(string text, string user = "u1") =>
        IncomingMessage.FromText(new ConversationAddress(Platform.Slack, "T1", "C1"), new ChatUser(user, user), text, default);

    private static IEnumerable<string> Texts(Reply reply) =>
        reply.Blocks.SelectMany(b => b switch
        {
            TitleBlock t => [t.Text],
            MarkdownBlock m => [m.Markdown],
            ContextBlock c => [c.Markdown],
            FieldsBlock f => f.Fields.SelectMany(x => new[] { x.Name, x.Value }),
            CodeBlock c => [c.Code],
            ButtonsBlock buttons => buttons.Buttons.SelectMany(x => new[] { x.Label, x.ActionId, x.Value }),
            _ => [],
        }).Append(reply.Fallback);

    [Fact]
    public void The_parser_never_throws()
    {
        Prop.ForAll(Arb.From(ChatInputs.Line()), line =>
        {
            _ = _parser.Parse(line);
        }).Check(Quick);
    }

    [Fact]
    public void Every_input_gets_a_reply_that_cannot_ping_anyone()
    {
        Prop.ForAll(Arb.From(ChatInputs.Line()), line =>
        {
            var replies = _core.HandleAsync(Message(line), CancellationToken.None).GetAwaiter().GetResult();
            Assert.NotEmpty(replies);
            foreach (var text in replies.SelectMany(Texts))
            {
                Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
                Assert.DoesNotContain("@here", text, StringComparison.Ordinal);
                Assert.DoesNotContain("<!", text, StringComparison.Ordinal);
                Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
                Assert.DoesNotContain('\0', text);
                Assert.DoesNotContain('\u202E', text);
            }

            Assert.All(replies, r => Assert.True(r.Fallback.Length <= 4000, "fallback too long"));
        }).Check(Quick);
    }

    [Fact]
    public void Replies_follow_the_users_chosen_language()
    {
        _profiles.SetLanguage(new TenantKey(Platform.Slack, "T1"), new ChatUser("english", "english"), Lang.En);
        Prop.ForAll(Arb.From(ChatInputs.AsciiLine()), line =>
        {
            if (line.TrimStart().StartsWith("lang", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var replies = _core.HandleAsync(Message(line, "english"), CancellationToken.None).GetAwaiter().GetResult();
            Assert.All(replies.SelectMany(Texts), text => Assert.False(LangExtensions.ContainsHangul(text), text));
        }).Check(Quick);
    }

    [Fact]
    public void Random_button_payloads_never_throw_and_are_refused_unless_they_name_a_real_concept()
    {
        var gen = ChatInputs.Line().SelectMany(action => ChatInputs.Line().Select(value => (action, value)));
        Prop.ForAll(Arb.From(gen), pair =>
        {
            var press = IncomingMessage.FromButton(new ConversationAddress(Platform.Discord, "G1", "C1"), new ChatUser("u1", "u1"), new ButtonPress(pair.action, pair.value), default);
            var reply = Assert.Single(_core.HandleAsync(press, CancellationToken.None).GetAwaiter().GetResult());
            Assert.Equal(ReplyKind.Warning, reply.Kind);
        }).Check(Quick);
    }

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }
}
