using System.Text;
using System.Text.Json.Nodes;
using K8sBot.Core.Messaging;

namespace K8sBot.Discord.Rendering;

/// <summary>
/// Renders a neutral <see cref="Reply"/> as one embed plus legacy action rows, always inside
/// Discord's limits: long text is cut at a sentence and the rest goes behind a "more" button,
/// fields and buttons beyond the limits move or are dropped, and mentions never ping.
/// </summary>
internal sealed class DiscordRenderer(OverflowStore? overflow)
{
    public const int EphemeralFlag = 64;
    private const string MoreLabel = "더 보기 · More";

    public static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    public RenderedMessage Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var issues = new List<string>();
        string? title = null;
        string? titleUrl = null;
        var description = new List<string>();
        var fields = new List<Field>();
        var buttons = new List<Button>();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case TitleBlock t when title is null:
                    title = t.Text;
                    titleUrl = t.Url;
                    break;
                case TitleBlock t:
                    description.Add($"**{t.Text}**");
                    break;
                case MarkdownBlock m:
                    description.Add(m.Markdown);
                    break;
                case CodeBlock c:
                    description.Add($"```{c.Language}\n{c.Code.Replace("```", "`\u200B``", StringComparison.Ordinal)}\n```");
                    break;
                case ContextBlock c:
                    // "-# " is Discord's small subtext line; it keeps links clickable, unlike a footer.
                    description.Add(string.Join('\n', c.Markdown.Split('\n').Select(line => "-# " + line)));
                    break;
                case FieldsBlock f:
                    fields.AddRange(f.Fields);
                    break;
                case ButtonsBlock b:
                    buttons.AddRange(b.Buttons);
                    break;
            }
        }

        var embed = new JsonObject();
        if (title is not null)
        {
            if (title.Length > DiscordLimits.Title)
            {
                issues.Add($"title is {title.Length} characters (limit {DiscordLimits.Title}); it is truncated");
            }

            embed["title"] = TextCutter.Truncate(title, DiscordLimits.Title);
            if (titleUrl is not null && Uri.TryCreate(titleUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            {
                embed["url"] = titleUrl;
            }
        }

        var used = ((string?)embed["title"])?.Length ?? 0;
        var fieldArray = new JsonArray();
        var moved = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var name = TextCutter.Truncate(string.IsNullOrWhiteSpace(field.Name) ? "\u200B" : field.Name, DiscordLimits.FieldName);
            var value = string.IsNullOrWhiteSpace(field.Value) ? "\u200B" : field.Value;
            if (fieldArray.Count >= DiscordLimits.Fields || used + name.Length + Math.Min(value.Length, DiscordLimits.FieldValue) > DiscordLimits.EmbedTotal - 1000)
            {
                moved.Add($"**{field.Name}**\n{field.Value}");
                continue;
            }

            if (field.Name.Length > DiscordLimits.FieldName)
            {
                issues.Add($"field '{name}' has a {field.Name.Length}-character name (limit {DiscordLimits.FieldName}); it is truncated");
            }

            if (value.Length > DiscordLimits.FieldValue)
            {
                issues.Add($"field '{name}' is {value.Length} characters (limit {DiscordLimits.FieldValue}); the rest moves behind 'more'");
                var (head, tail) = TextCutter.Cut(value, DiscordLimits.FieldValue);
                value = head;
                moved.Add($"**{field.Name}**\n{tail}");
            }

            used += name.Length + value.Length;
            fieldArray.Add(new JsonObject { ["name"] = name, ["value"] = value, ["inline"] = field.Inline });
        }

        if (fields.Count > DiscordLimits.Fields)
        {
            issues.Add($"{fields.Count} fields (limit {DiscordLimits.Fields}); the rest move into the text");
        }

        var text = string.Join("\n\n", description.Concat(moved).Where(s => s.Length > 0));
        var budget = Math.Min(DiscordLimits.Description, DiscordLimits.EmbedTotal - used);
        string? overflowText = null;
        if (text.Length > budget)
        {
            if (moved.Count == 0 || text.Length - moved.Sum(m => m.Length + 2) > budget)
            {
                issues.Add($"text is {text.Length} characters (Discord shows {budget} in this embed); the rest moves behind 'more'");
            }

            (text, overflowText) = TextCutter.Cut(text, budget - 2);
        }

        if (text.Length > 0)
        {
            embed["description"] = text;
        }

        if (fieldArray.Count > 0)
        {
            embed["fields"] = fieldArray;
        }

        var body = new JsonObject();
        if (embed.Count == 0)
        {
            // Buttons alone still need something to hang on.
            body["content"] = TextCutter.Truncate(string.IsNullOrWhiteSpace(reply.Fallback) ? "\u200B" : reply.Fallback, DiscordLimits.Content);
        }
        else
        {
            embed["color"] = EmbedColours.For(reply.Kind, reply.Accent);
            body["embeds"] = new JsonArray(embed);
        }

        var components = Components(buttons, overflowText is null ? null : overflow?.Save(overflowText, reply.Kind, reply.Accent), issues);
        body["components"] = components;
        body["allowed_mentions"] = NoMentions();
        return new RenderedMessage(body, issues);
    }

    private static JsonArray Components(List<Button> buttons, string? overflowKey, List<string> issues)
    {
        var rendered = new List<JsonObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var room = (DiscordLimits.ButtonsPerRow * DiscordLimits.Rows) - (overflowKey is null ? 0 : 1);
        foreach (var button in buttons)
        {
            if (rendered.Count >= room)
            {
                issues.Add($"{buttons.Count} buttons (Discord shows {room}); the rest are dropped");
                break;
            }

            if (button.Label.Length > DiscordLimits.Label)
            {
                issues.Add($"button label '{button.Label}' is {button.Label.Length} characters (limit {DiscordLimits.Label}); it is truncated");
            }

            var json = new JsonObject { ["type"] = 2, ["label"] = TextCutter.Truncate(button.Label, DiscordLimits.Label) };
            if (button.Url is not null)
            {
                if (button.Url.Length > DiscordLimits.Url || !Uri.TryCreate(button.Url, UriKind.Absolute, out _))
                {
                    issues.Add($"button '{button.Label}' has an unusable URL; it is dropped");
                    continue;
                }

                json["style"] = 5;
                json["url"] = button.Url;
            }
            else
            {
                var customId = CustomId(button.ActionId, button.Value);
                if (customId.Length > DiscordLimits.CustomId)
                {
                    issues.Add($"button '{button.Label}' carries {customId.Length} characters (custom_id limit {DiscordLimits.CustomId}); it is dropped");
                    continue;
                }

                if (!seen.Add(customId))
                {
                    issues.Add($"button '{button.Label}' repeats custom_id '{customId}'; it is dropped");
                    continue;
                }

                json["style"] = button.Style switch
                {
                    ButtonStyle.Primary => 1,
                    ButtonStyle.Success => 3,
                    ButtonStyle.Danger => 4,
                    _ => 2,
                };
                json["custom_id"] = customId;
            }

            rendered.Add(json);
        }

        if (overflowKey is not null)
        {
            rendered.Add(new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = MoreLabel, ["custom_id"] = CustomId(OverflowStore.Action, overflowKey) });
        }

        var rows = new JsonArray();
        foreach (var chunk in rendered.Chunk(DiscordLimits.ButtonsPerRow))
        {
            rows.Add(new JsonObject { ["type"] = 1, ["components"] = new JsonArray([.. chunk]) });
        }

        return rows;
    }

    public static string CustomId(string actionId, string value) =>
        new StringBuilder(actionId.Length + value.Length + 1).Append(actionId).Append(DiscordLimits.Separator).Append(value).ToString();

    public static ButtonPress? ParseCustomId(string? customId, string? messageId)
    {
        if (string.IsNullOrEmpty(customId))
        {
            return null;
        }

        customId = DeliveryMarker.Strip(customId);
        var at = customId.IndexOf(DiscordLimits.Separator, StringComparison.Ordinal);
        return at < 0 ? new ButtonPress(customId, string.Empty, messageId) : new ButtonPress(customId[..at], customId[(at + 1)..], messageId);
    }
}
