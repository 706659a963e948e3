using K8sBot.Core.Messaging;
using K8sBot.Discord.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Discord.Tests.Rendering;

public sealed class RendererTests
{
    private readonly OverflowStore _overflow = new(new FakeTimeProvider());

    private DiscordRenderer Renderer => new(_overflow);

    private static string Sentences(int count, string word = "detail") =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"Sentence {i} explains a {word}. ")).TrimEnd();

    [Fact]
    public void A_card_renders_as_one_coloured_embed_with_a_linked_title_subtext_and_buttons()
    {
        var reply = new Reply
        {
            Blocks =
            [
                new TitleBlock("파드 (Pod)", "https://kubernetes.io/docs/concepts/workloads/pods/"),
                new MarkdownBlock("**Pod** runs `containers`."),
                new FieldsBlock([new Field("Use it when", "- always", Inline: true)]),
                new CodeBlock("kind: Pod", "yaml"),
                new ContextBlock("[Docs](https://kubernetes.io)"),
                new ButtonsBlock([new Button("quiz.start", "pod", "Quiz me", ButtonStyle.Primary), new Button("card.more", "pod", "More")]),
            ],
            Fallback = "Pod",
            Accent = "networking",
        };

        var body = Renderer.Render(reply).Body;

        var embed = body["embeds"]![0]!;
        Assert.Equal("파드 (Pod)", embed["title"]!.GetValue<string>());
        Assert.Equal("https://kubernetes.io/docs/concepts/workloads/pods/", embed["url"]!.GetValue<string>());
        Assert.Equal("**Pod** runs `containers`.\n\n```yaml\nkind: Pod\n```\n\n-# [Docs](https://kubernetes.io)", embed["description"]!.GetValue<string>());
        Assert.Equal(0x1ABC9C, embed["color"]!.GetValue<int>());
        Assert.True(embed["fields"]![0]!["inline"]!.GetValue<bool>());
        var buttons = body["components"]![0]!["components"]!.AsArray();
        Assert.Equal("quiz.start|pod", buttons[0]!["custom_id"]!.GetValue<string>());
        Assert.Equal(1, buttons[0]!["style"]!.GetValue<int>());
        Assert.Equal(2, buttons[1]!["style"]!.GetValue<int>());
        LimitAssert.WithinLimits(body);
    }

    [Theory]
    [InlineData(ReplyKind.Error, "workloads", 0xED4245)]
    [InlineData(ReplyKind.Warning, null, 0xFEE75C)]
    [InlineData(ReplyKind.Info, "workloads", 0x326CE5)]
    [InlineData(ReplyKind.Info, "unknown-slug", 0x5865F2)]
    public void Colour_follows_the_kind_then_the_category(ReplyKind kind, string? accent, int colour)
    {
        var body = Renderer.Render(Reply.Text("x", kind) with { Accent = accent }).Body;

        Assert.Equal(colour, body["embeds"]![0]!["color"]!.GetValue<int>());
    }

    [Fact]
    public void Long_text_is_cut_at_a_sentence_and_the_rest_waits_behind_more()
    {
        var text = Sentences(400);

        var rendered = Renderer.Render(Reply.Text(text));

        var description = rendered.Body["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.EndsWith("detail.", description, StringComparison.Ordinal);
        LimitAssert.WithinLimits(rendered.Body);
        var more = rendered.Body["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var rest = _overflow.Take(more["discord.more|".Length..]);
        Assert.NotNull(rest);
        var restText = ((MarkdownBlock)rest.Blocks[0]).Markdown;
        Assert.Equal(text, description + " " + restText);
        Assert.Equal(ReplyVisibility.Private, rest.Visibility);
    }

    [Fact]
    public void A_cut_inside_a_code_block_closes_and_reopens_the_fence()
    {
        var code = string.Join('\n', Enumerable.Range(1, 600).Select(i => $"line{i}: value"));

        var rendered = Renderer.Render(new Reply { Blocks = [new CodeBlock(code, "yaml")], Fallback = "code" });

        var description = rendered.Body["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.StartsWith("```yaml\n", description, StringComparison.Ordinal);
        Assert.EndsWith("\n```", description, StringComparison.Ordinal);
        var key = rendered.Body["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>()["discord.more|".Length..];
        Assert.StartsWith("```yaml\n", ((MarkdownBlock)_overflow.Take(key)!.Blocks[0]).Markdown, StringComparison.Ordinal);
        LimitAssert.WithinLimits(rendered.Body);
    }

    [Fact]
    public void Too_many_long_fields_and_buttons_still_fit_every_limit()
    {
        var fields = Enumerable.Range(1, 30).Select(i => new Field(new string('n', 300), Sentences(40, $"field{i}"))).ToList();
        var buttons = Enumerable.Range(1, 30).Select(i => new Button("quiz.answer", $"q:{i}", new string('L', 120))).ToList();
        buttons.Add(new Button("quiz.answer", new string('v', 120), "too long"));
        var reply = new Reply { Blocks = [new TitleBlock(new string('T', 300)), new MarkdownBlock(Sentences(300)), new FieldsBlock(fields), new ButtonsBlock(buttons)], Fallback = "x" };

        var rendered = Renderer.Render(reply);

        LimitAssert.WithinLimits(rendered.Body);
        Assert.NotEmpty(rendered.Issues);
        var all = rendered.Body["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).ToList();
        Assert.Equal(25, all.Count);
        Assert.StartsWith("discord.more|", all[^1]!["custom_id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Echoed_mentions_never_ping_because_allowed_mentions_parses_nothing()
    {
        var body = Renderer.Render(Reply.Text("@everyone <@123> <@&456> said hi")).Body;

        Assert.Equal("{\"parse\":[]}", body["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public void Buttons_without_text_ride_on_the_fallback_content()
    {
        var body = Renderer.Render(new Reply { Blocks = [new ButtonsBlock([new Button("card.show", "pod", "Pod")])], Fallback = "Pick one" }).Body;

        Assert.Equal("Pick one", body["content"]!.GetValue<string>());
        Assert.Null(body["embeds"]);
        LimitAssert.WithinLimits(body);
    }

    [Fact]
    public void Reply_limits_accept_a_normal_card_and_name_what_a_long_one_loses()
    {
        var limits = new DiscordReplyLimits();
        var normal = new Reply { Blocks = [new TitleBlock("Pod"), new MarkdownBlock("Short."), new ButtonsBlock([new Button("card.more", "pod", "More")])], Fallback = "Pod" };
        var huge = new Reply { Blocks = [new TitleBlock("Pod"), new MarkdownBlock(Sentences(400)), new ButtonsBlock([new Button("card.more", new string('x', 120), "More")])], Fallback = "Pod" };

        Assert.Equal("discord", limits.Platform);
        Assert.Empty(limits.Check(normal));
        var issues = limits.Check(huge);
        Assert.Contains(issues, i => i.Contains("more", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Contains("custom_id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("quiz.answer|q1:2", "quiz.answer", "q1:2")]
    [InlineData("card.more|pod|x", "card.more", "pod|x")]
    [InlineData("click_one", "click_one", "")]
    public void Custom_ids_split_at_the_first_separator(string customId, string action, string value)
    {
        var press = DiscordRenderer.ParseCustomId(customId, "9");

        Assert.Equal(new ButtonPress(action, value, "9"), press);
    }
}
