using System.Globalization;
using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;

namespace K8sBot.Slack.Rendering;

/// <summary>
/// Renders a neutral <see cref="Reply"/> as Block Kit within Slack's limits: header, section (mrkdwn),
/// section fields, code, context and actions. Long text is cut at a sentence boundary and the rest
/// is offered behind a "more" button (kept in <see cref="MoreStore"/>); every cut or drop is listed
/// in <see cref="SlackMessage.Problems"/>, which is also what <see cref="SlackReplyLimits"/> reports.
/// </summary>
internal sealed class BlockKitRenderer(MoreStore? more)
{
    public const string MoreLabel = "더 보기 · More";
    private const string Ellipsis = "…";

    /// <summary>Button action ids are suffixed with their position, because Slack requires them unique per block.</summary>
    public const char ActionIndexSeparator = '#';

    public SlackMessage Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var problems = new List<string>();
        var units = new List<(int Source, JsonObject Block)>();
        for (var i = 0; i < reply.Blocks.Count; i++)
        {
            foreach (var block in RenderBlock(reply.Blocks[i], reply, problems))
            {
                units.Add((i, block));
            }
        }

        var blocks = new JsonArray();
        if (units.Count <= BlockKitLimits.Blocks)
        {
            foreach (var unit in units)
            {
                blocks.Add(unit.Block);
            }
        }
        else
        {
            // Keep whole source blocks that fit, leaving one slot for the "more" button.
            var keepUntilSource = units[BlockKitLimits.Blocks - 1].Source;
            foreach (var unit in units.Where(u => u.Source < keepUntilSource))
            {
                blocks.Add(unit.Block);
            }

            var rest = reply with { Blocks = [.. reply.Blocks.Skip(keepUntilSource)], Fallback = reply.Fallback, ReplacesOriginal = false };
            blocks.Add(MoreActions(rest));
            problems.Add($"{units.Count} blocks exceed Slack's {BlockKitLimits.Blocks}-block limit; the rest is behind a 'more' button");
        }

        return new SlackMessage(Fallback(reply.Fallback), blocks, problems);
    }

    /// <summary>The action id the core gave a button, without the position suffix the renderer added.</summary>
    public static string OriginalActionId(string slackActionId)
    {
        var cut = slackActionId.LastIndexOf(ActionIndexSeparator);
        return cut > 0 && cut < slackActionId.Length - 1 && slackActionId.AsSpan(cut + 1).ContainsAnyExceptInRange('0', '9') is false
            ? slackActionId[..cut]
            : slackActionId;
    }

    private static string Fallback(string fallback)
    {
        var text = SlackMrkdwn.Escape(fallback.Length == 0 ? " " : fallback);
        return text.Length <= BlockKitLimits.FallbackText ? text : text[..(BlockKitLimits.FallbackText - 1)] + Ellipsis;
    }

    private IEnumerable<JsonObject> RenderBlock(Block block, Reply reply, List<string> problems)
    {
        switch (block)
        {
            case TitleBlock title:
                yield return Title(title, problems);
                break;
            case MarkdownBlock markdown:
                foreach (var unit in Markdown(markdown.Markdown, reply, problems))
                {
                    yield return unit;
                }

                break;
            case FieldsBlock fields:
                foreach (var unit in Fields(fields, problems))
                {
                    yield return unit;
                }

                break;
            case CodeBlock code:
                foreach (var unit in Code(code))
                {
                    yield return unit;
                }

                break;
            case ContextBlock context:
                if (context.Markdown.Length > 0)
                {
                    var text = Truncate(SlackMrkdwn.FromMarkdown(context.Markdown), BlockKitLimits.ContextText, "context text", problems);
                    yield return new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(text)) };
                }

                break;
            case ButtonsBlock buttons:
                foreach (var unit in Buttons(buttons, problems))
                {
                    yield return unit;
                }

                break;
            default:
                problems.Add($"block type {block.GetType().Name} has no Slack rendering");
                break;
        }
    }

    private static JsonObject Title(TitleBlock title, List<string> problems)
    {
        if (title.Url is not null)
        {
            var label = SlackMrkdwn.Plain(title.Text).Replace("|", "¦", StringComparison.Ordinal);
            var link = $"*<{SlackMrkdwn.Escape(title.Url)}|{label}>*";
            return Section(Truncate(link, BlockKitLimits.SectionText, "title link", problems));
        }

        var text = Truncate(SlackMrkdwn.Plain(title.Text), BlockKitLimits.HeaderText, "header", problems);
        return new JsonObject { ["type"] = "header", ["text"] = PlainText(text.Length == 0 ? " " : text) };
    }

    private IEnumerable<JsonObject> Markdown(string markdown, Reply reply, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            yield break;
        }

        var converted = SlackMrkdwn.FromMarkdown(markdown);
        if (converted.Length <= BlockKitLimits.SectionText)
        {
            yield return Section(converted);
            yield break;
        }

        var cut = SentenceCut(markdown);
        var head = SlackMrkdwn.FromMarkdown(markdown[..cut].TrimEnd()) + Ellipsis;
        var tail = markdown[cut..].TrimStart();
        problems.Add($"section text of {converted.Length} characters exceeds {BlockKitLimits.SectionText}; cut at a sentence with a 'more' button");
        yield return Section(head);
        yield return MoreActions(new Reply
        {
            Blocks = [new MarkdownBlock(tail)],
            Fallback = Core.Messaging.PlainText.FromMarkdown(tail),
            Kind = reply.Kind,
            Visibility = reply.Visibility,
        });
    }

    /// <summary>The last sentence end (else word break, else hard cut) whose mrkdwn still fits one section.</summary>
    private static int SentenceCut(string markdown)
    {
        var budget = BlockKitLimits.SectionText - Ellipsis.Length;
        var limit = Math.Min(markdown.Length - 1, budget);
        int? word = null;
        for (var i = limit; i > budget / 4; i--)
        {
            var c = markdown[i - 1];
            var sentenceEnd = c is '\n' or '。' or '！' or '？' || (c is '.' or '!' or '?' && char.IsWhiteSpace(markdown[i]));
            if (!sentenceEnd && !(word is null && char.IsWhiteSpace(c)))
            {
                continue;
            }

            if (SlackMrkdwn.FromMarkdown(markdown[..i].TrimEnd()).Length > budget)
            {
                continue;
            }

            if (sentenceEnd)
            {
                return i;
            }

            word = i;
        }

        if (word is { } w)
        {
            return w;
        }

        // One enormous word: shrink until the escaped form fits.
        var hard = limit;
        while (hard > 1 && SlackMrkdwn.FromMarkdown(markdown[..hard]).Length > budget)
        {
            hard -= Math.Max(1, hard / 10);
        }

        return hard;
    }

    private static IEnumerable<JsonObject> Fields(FieldsBlock block, List<string> problems)
    {
        var fields = block.Fields
            .Select(f => Truncate($"*{SlackMrkdwn.FromMarkdown(f.Name)}*\n{SlackMrkdwn.FromMarkdown(f.Value)}", BlockKitLimits.FieldText, $"field '{f.Name}'", problems))
            .ToList();
        foreach (var chunk in fields.Chunk(BlockKitLimits.Fields))
        {
            yield return new JsonObject { ["type"] = "section", ["fields"] = new JsonArray([.. chunk.Select(f => (JsonNode)Mrkdwn(f))]) };
        }
    }

    private static IEnumerable<JsonObject> Code(CodeBlock code)
    {
        const string Fence = "```";
        var budget = BlockKitLimits.SectionText - (2 * Fence.Length) - 2;
        var chunk = new System.Text.StringBuilder();
        foreach (var raw in SlackMrkdwn.Escape(code.Code).Split('\n'))
        {
            var line = raw;
            while (line.Length > 0 || chunk.Length == 0)
            {
                var room = budget - chunk.Length - (chunk.Length > 0 ? 1 : 0);
                if (line.Length <= room)
                {
                    chunk.Append(chunk.Length > 0 ? "\n" : string.Empty).Append(line);
                    line = string.Empty;
                    break;
                }

                if (chunk.Length > 0)
                {
                    yield return Section($"{Fence}\n{chunk}\n{Fence}");
                    chunk.Clear();
                    continue;
                }

                chunk.Append(line, 0, budget);
                line = line[budget..];
                yield return Section($"{Fence}\n{chunk}\n{Fence}");
                chunk.Clear();
            }
        }

        if (chunk.Length > 0)
        {
            yield return Section($"{Fence}\n{chunk}\n{Fence}");
        }
    }

    private static IEnumerable<JsonObject> Buttons(ButtonsBlock block, List<string> problems)
    {
        var elements = new List<JsonObject>();
        for (var i = 0; i < block.Buttons.Count; i++)
        {
            var button = block.Buttons[i];
            var actionId = $"{button.ActionId}{ActionIndexSeparator}{i.ToString(CultureInfo.InvariantCulture)}";
            if (actionId.Length > BlockKitLimits.ActionId)
            {
                problems.Add($"button '{button.Label}' dropped: action id of {actionId.Length} characters exceeds {BlockKitLimits.ActionId}");
                continue;
            }

            if (button.Value.Length > BlockKitLimits.ButtonValue)
            {
                problems.Add($"button '{button.Label}' dropped: value of {button.Value.Length} characters exceeds {BlockKitLimits.ButtonValue}");
                continue;
            }

            var label = Truncate(SlackMrkdwn.Plain(button.Label), BlockKitLimits.ButtonText, $"button '{button.Label}' text", problems);
            var element = new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["text"] = PlainText(label.Length == 0 ? " " : label),
            };
            if (button.Value.Length > 0)
            {
                element["value"] = button.Value;
            }

            if (button.Url is { Length: > 0 and <= BlockKitLimits.ButtonUrl } url)
            {
                element["url"] = url;
            }

            if (button.Style is ButtonStyle.Primary or ButtonStyle.Success)
            {
                element["style"] = "primary";
            }
            else if (button.Style == ButtonStyle.Danger)
            {
                element["style"] = "danger";
            }

            elements.Add(element);
        }

        foreach (var chunk in elements.Chunk(BlockKitLimits.ActionsElements))
        {
            yield return new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) };
        }
    }

    private JsonObject MoreActions(Reply rest)
    {
        var key = more?.Save(rest) ?? "preview";
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = MoreStore.ActionId,
            ["text"] = PlainText(MoreLabel),
            ["value"] = key,
        };
        return new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(button) };
    }

    private static string Truncate(string text, int limit, string what, List<string> problems)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        problems.Add($"{what} of {text.Length} characters exceeds {limit}; truncated");
        var cut = limit - Ellipsis.Length;
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && text.IndexOf(';', amp, cut - amp) < 0)
        {
            cut = amp; // never leave half an entity such as "&am"
        }

        return text[..cut] + Ellipsis;
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
