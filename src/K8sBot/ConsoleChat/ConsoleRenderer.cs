using System.Text;
using K8sBot.Core.Messaging;

namespace K8sBot.ConsoleChat;

/// <summary>
/// Renders a neutral reply as terminal text. Buttons become numbered choices; the numbers are
/// assigned by <see cref="ConsoleSession"/> so typing one presses the button.
/// </summary>
internal static class ConsoleRenderer
{
    public static string Render(Reply reply, int firstButtonNumber, string? heading = null)
    {
        var text = new StringBuilder();
        var marker = reply.Kind switch
        {
            ReplyKind.Success => "✅ ",
            ReplyKind.Warning => "⚠️ ",
            ReplyKind.Error => "❌ ",
            _ => string.Empty,
        };
        text.Append("[K8sBot");
        if (heading is not null)
        {
            text.Append(" → ").Append(heading);
        }

        if (reply.Visibility == ReplyVisibility.Private)
        {
            text.Append(" · private");
        }

        text.Append("] ").Append(marker).AppendLine();
        var number = firstButtonNumber;
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case TitleBlock title:
                    text.Append("## ").AppendLine(title.Text);
                    break;
                case MarkdownBlock markdown:
                    text.AppendLine(Plain(markdown.Markdown));
                    break;
                case FieldsBlock fields:
                    foreach (var field in fields.Fields)
                    {
                        text.Append("* ").AppendLine(Plain(field.Name));
                        text.AppendLine(Indent(Plain(field.Value)));
                    }

                    break;
                case CodeBlock code:
                    text.AppendLine(Indent(code.Code, "    "));
                    break;
                case ContextBlock context:
                    text.Append("  (").Append(Plain(context.Markdown)).AppendLine(")");
                    break;
                case ButtonsBlock buttons:
                    text.Append("  ");
                    foreach (var button in buttons.Buttons)
                    {
                        text.Append('[').Append(number++).Append("] ").Append(button.Label).Append("   ");
                    }

                    text.AppendLine();
                    break;
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static string Plain(string markdown) => PlainText.FromMarkdown(markdown);

    private static string Indent(string text, string prefix = "  ") =>
        string.Join('\n', text.Split('\n').Select(line => prefix + line));
}
