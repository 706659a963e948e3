using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Rendering;

namespace K8sBot.Slack.Tests;

public sealed class RendererTests
{
    private readonly BlockKitRenderer _renderer = new(new MoreStore());

    private static IEnumerable<string> Texts(JsonNode node) =>
        node switch
        {
            JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [v.ToString()] : p.Value is null ? [] : Texts(p.Value)),
            JsonArray a => a.SelectMany(n => n is null ? [] : Texts(n)),
            _ => [],
        };

    [Fact]
    public void Mentions_typed_by_a_user_can_never_ping_anyone()
    {
        var typed = "<!channel> <!here> <@U024BE7LH> <!subteam^SAZ94GDB8> <https://evil.example|click> & @everyone";
        var reply = new Reply
        {
            Blocks =
            [
                new TitleBlock(typed),
                new MarkdownBlock("You asked: " + UserText.Escape(typed)),
                new FieldsBlock([new Field("Q", UserText.Escape(typed))]),
                new ContextBlock(UserText.Escape(typed)),
                new CodeBlock(typed),
                new ButtonsBlock([new Button("ask.again", "v", typed)]),
            ],
            Fallback = "You asked: " + typed,
        };

        var message = _renderer.Render(reply);
        var texts = Texts(message.ToJson()).ToList();

        Assert.Equal(7, texts.Count);
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("<!", t, StringComparison.Ordinal);
            Assert.DoesNotContain("<@", t, StringComparison.Ordinal);
            Assert.DoesNotContain("<http", t, StringComparison.Ordinal);
            Assert.Contains("&lt;", t, StringComparison.Ordinal);
            Assert.Contains("!channel", t, StringComparison.Ordinal);
        });
        Assert.Contains("&amp;", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("**Pod** is the unit", "*Pod* is the unit")]
    [InlineData("see [the docs](https://kubernetes.io/docs/concepts/) now", "see <https://kubernetes.io/docs/concepts/|the docs> now")]
    [InlineData("- one\n- two", "• one\n• two")]
    [InlineData("`kubectl get pods -o wide` **not bold in code**", "`kubectl get pods -o wide` *not bold in code*")]
    [InlineData("a & b < c > d", "a &amp; b &lt; c &gt; d")]
    [InlineData(@"2 \* 3 \- 1", "2 *\u200B 3 - 1")]
    [InlineData(@"\<!channel\>", "\u200B&lt;!channel\u200B&gt;")]
    [InlineData(@"\:smile\: \@here", ":\u200Bsmile:\u200B @\u200Bhere")]
    [InlineData("```\n**raw** <b>\n```", "```\n**raw** &lt;b&gt;\n```")]
    public void Neutral_markdown_becomes_slack_mrkdwn(string markdown, string expected) =>
        Assert.Equal(expected, SlackMrkdwn.FromMarkdown(markdown));

    [Fact]
    public void Long_text_is_cut_at_a_sentence_with_a_more_button_and_reported_as_a_limit()
    {
        var text = string.Concat(Enumerable.Range(1, 200).Select(i => $"Sentence number {i} explains a Kubernetes idea. "));
        var reply = new Reply { Blocks = [new TitleBlock("Pod"), new MarkdownBlock(text), new ButtonsBlock([new Button("card.next", "pod", "Next")])], Fallback = "Pod" };

        var message = _renderer.Render(reply);

        var section = message.Blocks[1]!["text"]!["text"]!.ToString();
        Assert.InRange(section.Length, 2000, BlockKitLimits.SectionText);
        Assert.EndsWith("idea.…", section, StringComparison.Ordinal);
        Assert.Equal("slack.more", message.Blocks[2]!["elements"]![0]!["action_id"]!.ToString());
        Assert.Equal("card.next#0", message.Blocks[3]!["elements"]![0]!["action_id"]!.ToString());
        Assert.Single(message.Problems);
        Assert.Single(new SlackReplyLimits().Check(reply));
    }

    [Fact]
    public void Korean_text_is_cut_after_a_sentence_end()
    {
        var text = string.Concat(Enumerable.Repeat("파드는 쿠버네티스에서 배포할 수 있는 가장 작은 단위예요. ", 150));

        var section = _renderer.Render(Reply.Text(text)).Blocks[0]!["text"]!["text"]!.ToString();

        Assert.True(section.Length <= BlockKitLimits.SectionText);
        Assert.EndsWith("단위예요.…", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaping_that_grows_the_text_still_fits_one_section()
    {
        var text = string.Concat(Enumerable.Repeat("a<b & c>d. ", 400)); // ~4,400 chars once escaped per 1,000 raw

        var message = _renderer.Render(Reply.Text(text));

        Assert.All(message.Blocks.Where(b => b!["type"]!.ToString() == "section"), b => Assert.True(b!["text"]!["text"]!.ToString().Length <= BlockKitLimits.SectionText));
    }

    [Fact]
    public void More_than_fifty_blocks_keeps_forty_nine_and_a_more_button()
    {
        var blocks = Enumerable.Range(1, 70).Select(i => (Block)new MarkdownBlock($"Line {i}")).ToList();

        var message = _renderer.Render(new Reply { Blocks = blocks, Fallback = "many" });

        Assert.Equal(BlockKitLimits.Blocks, message.Blocks.Count);
        Assert.Equal("slack.more", message.Blocks[^1]!["elements"]![0]!["action_id"]!.ToString());
        Assert.Contains("Line 49", message.Blocks[48]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(message.Problems);
    }

    [Fact]
    public void Buttons_are_split_into_actions_of_twenty_five_with_unique_ids_and_cut_labels()
    {
        var buttons = Enumerable.Range(0, 30).Select(i => new Button("quiz.answer", $"q1:{i}", i == 0 ? new string('x', 100) : $"Option {i}", ButtonStyle.Primary)).ToList();

        var message = _renderer.Render(new Reply { Blocks = [new ButtonsBlock(buttons)], Fallback = "quiz" });

        Assert.Equal(2, message.Blocks.Count);
        var elements = message.Blocks.SelectMany(b => b!["elements"]!.AsArray()).ToList();
        Assert.Equal(25, message.Blocks[0]!["elements"]!.AsArray().Count);
        Assert.Equal(30, elements.Select(e => e!["action_id"]!.ToString()).Distinct().Count());
        Assert.All(elements, e => Assert.Equal("quiz.answer", BlockKitRenderer.OriginalActionId(e!["action_id"]!.ToString())));
        Assert.Equal(BlockKitLimits.ButtonText, elements[0]!["text"]!["text"]!.ToString().Length);
        Assert.Equal("primary", elements[1]!["style"]!.ToString());
        Assert.Single(message.Problems);
    }

    [Fact]
    public void Buttons_whose_ids_or_values_are_too_long_are_dropped_and_reported()
    {
        var reply = new Reply
        {
            Blocks = [new ButtonsBlock([new Button(new string('a', 260), "v", "Long id"), new Button("ok.id", new string('v', 2001), "Long value"), new Button("ok.id", "v", "Fine")])],
            Fallback = "b",
        };

        var message = _renderer.Render(reply);

        Assert.Single(message.Blocks[0]!["elements"]!.AsArray());
        Assert.Equal(2, new SlackReplyLimits().Check(reply).Count);
    }

    [Fact]
    public void Fields_are_grouped_by_ten_and_long_values_truncated()
    {
        var fields = Enumerable.Range(1, 12).Select(i => new Field($"Name {i}", i == 1 ? new string('v', 2500) : $"value {i}")).ToList();

        var message = _renderer.Render(new Reply { Blocks = [new FieldsBlock(fields)], Fallback = "f" });

        Assert.Equal(2, message.Blocks.Count);
        Assert.Equal(10, message.Blocks[0]!["fields"]!.AsArray().Count);
        Assert.Equal(BlockKitLimits.FieldText, message.Blocks[0]!["fields"]![0]!["text"]!.ToString().Length);
        Assert.Equal("*Name 2*\nvalue 2", message.Blocks[0]!["fields"]![1]!["text"]!.ToString());
        Assert.Single(message.Problems);
    }

    [Fact]
    public void Long_header_is_truncated_and_code_is_split_into_fenced_sections()
    {
        var code = string.Join('\n', Enumerable.Range(1, 400).Select(i => $"  - name: container-{i}"));
        var message = _renderer.Render(new Reply { Blocks = [new TitleBlock(new string('H', 200)), new CodeBlock(code, "yaml")], Fallback = "code" });

        Assert.Equal("header", message.Blocks[0]!["type"]!.ToString());
        Assert.Equal(BlockKitLimits.HeaderText, message.Blocks[0]!["text"]!["text"]!.ToString().Length);
        var sections = message.Blocks.Skip(1).Select(b => b!["text"]!["text"]!.ToString()).ToList();
        Assert.True(sections.Count > 1);
        Assert.All(sections, s =>
        {
            Assert.True(s.Length <= BlockKitLimits.SectionText);
            Assert.StartsWith("```\n", s, StringComparison.Ordinal);
            Assert.EndsWith("\n```", s, StringComparison.Ordinal);
        });
        Assert.Equal(400, sections.Sum(s => s.Split('\n').Length - 2));
    }

    [Fact]
    public void A_normal_card_renders_every_block_kind_without_problems()
    {
        var reply = new Reply
        {
            Blocks =
            [
                new TitleBlock("Pod"),
                new MarkdownBlock("A **Pod** runs containers."),
                new FieldsBlock([new Field("Category", "Workloads", true)]),
                new CodeBlock("kubectl get pods"),
                new ContextBlock("[docs](https://kubernetes.io/docs/concepts/workloads/pods/)"),
                new ButtonsBlock([new Button("card.quiz", "pod", "Quiz me", ButtonStyle.Danger), new Button("card.docs", string.Empty, "Docs", Url: "https://kubernetes.io")]),
            ],
            Fallback = "Pod: A Pod runs containers.",
        };

        var message = _renderer.Render(reply);

        Assert.Equal(["header", "section", "section", "section", "context", "actions"], message.Blocks.Select(b => b!["type"]!.ToString()));
        Assert.Equal("danger", message.Blocks[5]!["elements"]![0]!["style"]!.ToString());
        Assert.Equal("https://kubernetes.io", message.Blocks[5]!["elements"]![1]!["url"]!.ToString());
        Assert.Null(message.Blocks[5]!["elements"]![1]!["value"]);
        Assert.Empty(message.Problems);
        Assert.Empty(new SlackReplyLimits().Check(reply));
        Assert.Equal("slack", new SlackReplyLimits().Platform);
    }

    [Fact]
    public void Truncation_never_leaves_half_an_entity()
    {
        var header = new string('a', 147) + "&&&&";

        var text = _renderer.Render(new Reply { Blocks = [new TitleBlock(header)], Fallback = "h" }).Blocks[0]!["text"]!["text"]!.ToString();

        Assert.Equal(new string('a', 147) + "…", text);
    }

    [Theory]
    [InlineData("quiz.answer#3", "quiz.answer")]
    [InlineData("a", "a")]
    [InlineData("tag#x", "tag#x")]
    [InlineData("#5", "#5")]
    public void Position_suffix_is_removed_from_pressed_action_ids(string slack, string original) =>
        Assert.Equal(original, BlockKitRenderer.OriginalActionId(slack));
}
