using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using K8sBot.Core.Properties;
using K8sBot.Core.Quiz;
using K8sBot.Core.Scoring;
using K8sBot.Discord.Rendering;
using K8sBot.Hosting;
using K8sBot.Slack.Rendering;
using K8sBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Tests.Properties;

/// <summary>
/// Hostile input through the real core (real curriculum, real database) and both platform
/// renderers: every reply fits Discord's and Slack's limits, nothing can ping anyone, and a
/// forged button never changes a score. 10,000 generated inputs per property.
/// </summary>
public sealed class RenderingProperties : IDisposable
{
    private const int Runs = 10_000;
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true);
    private static readonly ConversationAddress Channel = new(Platform.Slack, "T1", "C1");
    private readonly TempFolder _temp = new();
    private readonly ServiceProvider _services;
    private readonly IChatCore _core;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    public RenderingProperties()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _temp.File("bot.db"),
            ["Content:Path"] = RepositoryPaths.Content,
            ["Limits:CommandsPerWindow"] = "1000",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddBot(configuration).AddSingleton<TimeProvider>(_time).BuildServiceProvider();
        _core = _services.GetRequiredService<IChatCore>();
    }

    private IReadOnlyList<Reply> Handle(IncomingMessage message) => _core.HandleAsync(message, CancellationToken.None).GetAwaiter().GetResult();

    private static IncomingMessage Text(string text, string user = "u1") => IncomingMessage.FromText(Channel, new ChatUser(user, user), text, default);

    [Fact]
    public void Every_reply_renders_within_Discords_limits_and_never_pings()
    {
        var renderer = new DiscordRenderer(overflow: null);
        Prop.ForAll(Arb.From(ChatInputs.Line()), line =>
        {
            foreach (var reply in Handle(Text(line)))
            {
                var body = renderer.Render(reply).Body;
                Assert.Equal("""{"parse":[]}""", body["allowed_mentions"]!.ToJsonString());
                Assert.True((body["content"]?.GetValue<string>().Length ?? 0) <= 2000);
                var embeds = body["embeds"]?.AsArray() ?? [];
                Assert.True(embeds.Count <= 10);
                foreach (var embed in embeds.Select(e => e!.AsObject()))
                {
                    var total = Length(embed["title"]) + Length(embed["description"]) + Length(embed["footer"]?["text"]);
                    Assert.True(Length(embed["title"]) <= 256);
                    Assert.True(Length(embed["description"]) <= 4096);
                    var fields = embed["fields"]?.AsArray() ?? [];
                    Assert.True(fields.Count <= 25);
                    foreach (var field in fields)
                    {
                        Assert.True(Length(field!["name"]) <= 256 && Length(field["value"]) <= 1024);
                        total += Length(field["name"]) + Length(field["value"]);
                    }

                    Assert.True(total <= 6000, $"embed total {total}");
                }

                var rows = body["components"]?.AsArray() ?? [];
                Assert.True(rows.Count <= 5);
                foreach (var row in rows)
                {
                    var buttons = row!["components"]!.AsArray();
                    Assert.True(buttons.Count <= 5);
                    Assert.All(buttons, b => Assert.True(Length(b!["label"]) <= 80 && Length(b["custom_id"]) <= 100));
                }
            }
        }).Check(Quick);
    }

    [Fact]
    public void Every_reply_renders_within_Slacks_limits_and_never_pings()
    {
        var renderer = new BlockKitRenderer(more: null);
        Prop.ForAll(Arb.From(ChatInputs.Line()), line =>
        {
            foreach (var reply in Handle(Text(line)))
            {
                var message = renderer.Render(reply);
                var json = message.ToJson();
                var blocks = json["blocks"]!.AsArray();
                Assert.True(blocks.Count <= 50);
                foreach (var block in blocks.Select(b => b!.AsObject()))
                {
                    Assert.True(Length(block["text"]?["text"]) <= 3000);
                    foreach (var element in block["elements"]?.AsArray() ?? [])
                    {
                        if (element!["type"]?.GetValue<string>() == "button")
                        {
                            Assert.True(Length(element["text"]!["text"]) <= 75);
                            Assert.True(Length(element["action_id"]) <= 255 && Length(element["value"]) <= 2000);
                        }
                    }
                }

                var all = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                Assert.DoesNotContain("<!", all, StringComparison.Ordinal);
                Assert.DoesNotContain("<@", all, StringComparison.Ordinal);
                Assert.DoesNotContain("<#", all, StringComparison.Ordinal);
            }
        }).Check(Quick);
    }

    [Fact]
    public void A_forged_button_never_changes_a_score()
    {
        var tenant = Channel.Tenant;
        var quiz = Assert.Single(Handle(Text("quiz pod", "alice")));
        var real = quiz.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons).First(b => b.ActionId == QuizActions.Answer);
        var scores = _services.GetRequiredService<ScoreStore>();
        var actions = Gen.Elements(QuizActions.Answer, QuizActions.MatchAnswer, QuizActions.Review, QuizActions.Start, "card.more", "quiz", "match.", "x.y");
        var values = Gen.OneOf(
            ChatInputs.Line(),
            Gen.Elements(real.Value, real.Value + "0", real.Value[..^1], ":", "::", "abc:def:9", "../../etc"),
            Gen.Choose(0, 99).Select(n => $"{real.Value.Split(':')[0]}:{n}"));
        var presses = actions.SelectMany(a => values.Select(v => (Action: a, Value: v)));
        Prop.ForAll(Arb.From(presses), press =>
        {
            // mallory forges anything, including alice's own button value.
            var message = IncomingMessage.FromButton(Channel, new ChatUser("mallory", "mallory"), new ButtonPress(press.Action, press.Value), _time.GetUtcNow());
            _ = Handle(message);
            Assert.Equal(0, scores.Find(tenant, "mallory", _time.GetUtcNow())?.Answered ?? 0);
            Assert.Equal(0, scores.Find(tenant, "alice", _time.GetUtcNow())?.Answered ?? 0);
        }).Check(Quick);
    }

    private static int Length(JsonNode? node) => node?.GetValue<string>().Length ?? 0;

    public void Dispose()
    {
        _services.Dispose();
        _temp.Dispose();
    }
}
