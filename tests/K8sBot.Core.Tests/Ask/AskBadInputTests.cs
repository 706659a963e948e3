using K8sBot.Core.Ask;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Tests.Ask;

/// <summary>Hostile or broken input: never an exception, always a bounded reply, user text escaped.</summary>
public sealed class AskBadInputTests
{
    private readonly ContentCatalog _catalog = AskFixture.Create();
    private readonly CatalogAskEngine _engine;
    private readonly AskReplyBuilder _replies;

    public AskBadInputTests()
    {
        _engine = new CatalogAskEngine(_catalog);
        _replies = new AskReplyBuilder(_catalog, new CardPresenter(_catalog));
    }

    public static TheoryData<string> BadInputs() =>
    [
        string.Empty,
        "   ",
        new string('가', 10_000),
        string.Concat(Enumerable.Repeat("pod ", 2_500)),
        string.Concat(Enumerable.Repeat("deployment vs replicaset 차이 ", 400)),
        "😀😀🙏🔥🚀",
        "\u0000\u0001\u0007\u001b[31m\u007f pod",
        "ما هو البود؟ \u202Epod\u202C",
        "@everyone <!channel> <!here> <@123> what is a pod",
        "```pod``` **bold** [link](https://evil.example) `code` > quote",
        "\ud800 lone surrogate pod",
        string.Concat(Enumerable.Repeat("a", 5_000)) + " pod",
    ];

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_never_throws_and_gets_a_bounded_reply(string question)
    {
        foreach (var lang in new[] { Lang.Ko, Lang.En })
        {
            var answer = _engine.Answer(question, lang);
            var reply = _replies.Build(question, answer, lang);
            Assert.NotEmpty(reply.Blocks);
            Assert.True(reply.Fallback.Length <= 4000, $"fallback is {reply.Fallback.Length} chars");
            foreach (var block in reply.Blocks)
            {
                var text = block switch
                {
                    MarkdownBlock m => m.Markdown,
                    ContextBlock c => c.Markdown,
                    TitleBlock t => t.Text,
                    _ => string.Empty,
                };
                Assert.True(text.Length <= 3000, $"a block is {text.Length} chars");
            }
        }
    }

    [Theory]
    [InlineData("@everyone 점심 뭐 먹지?")]
    [InlineData("<!channel> lunch plans")]
    [InlineData("`rm -rf` **weather** <@123>")]
    public void A_declined_question_is_echoed_escaped(string question)
    {
        var answer = _engine.Answer(question, Lang.Ko);
        Assert.Equal(AskOutcome.Decline, answer.Outcome);
        var reply = _replies.Build(question, answer, Lang.Ko);
        var markdown = Assert.IsType<MarkdownBlock>(reply.Blocks[0]).Markdown;
        Assert.DoesNotContain("@everyone", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", markdown, StringComparison.Ordinal);
        Assert.Contains(UserText.Escape(question, 80), markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)[`*]", markdown.Split('\n')[0]);
        Assert.DoesNotContain("<@123>", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@everyone")]
    [InlineData("😀😀😀")]
    public async Task The_ask_command_answers_blank_or_noise_with_a_friendly_reply(string question)
    {
        var command = new AskCommand(_engine, _replies);
        var message = IncomingMessage.FromText(new ConversationAddress(Platform.Console, "local", "c1"), new ChatUser("u1", "Min", null, false), "ask " + question, DateTimeOffset.UnixEpoch);
        var args = new CommandArgs(new Dictionary<string, string> { ["question"] = question });
        var replies = await command.HandleAsync(new CommandContext(message, BotCommands.Ask, args, Lang.Ko), CancellationToken.None);
        var reply = Assert.Single(replies);
        Assert.NotEmpty(reply.Fallback);
        Assert.DoesNotContain("@everyone", reply.Fallback, StringComparison.Ordinal);
    }
}
