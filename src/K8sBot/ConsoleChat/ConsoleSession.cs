using K8sBot.Core.Messaging;

namespace K8sBot.ConsoleChat;

/// <summary>
/// The state one terminal shares between the chat loop and proactive posts: who is speaking,
/// which numbered buttons are on screen, and the writer (locked, because quiz timers post from
/// other threads).
/// </summary>
internal sealed class ConsoleSession(TextWriter output, bool colour)
{
    public const string Channel = "console";

    private readonly Lock _gate = new();
    private readonly List<(Button Button, string? MessageId)> _buttons = [];
    private int _messageCounter;

    public ChatUser Speaker { get; set; } = new("you", "you", IsAdmin: true);

    public ConversationAddress Address { get; } = new(Platform.Console, ConversationAddress.LocalTenant, Channel);

    public string Show(Reply reply, string? heading = null)
    {
        lock (_gate)
        {
            var id = (++_messageCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var buttons = reply.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons).ToList();
            if (buttons.Count > 0)
            {
                // New buttons replace old ones on screen; numbers always start at 1.
                _buttons.Clear();
                _buttons.AddRange(buttons.Select(b => (b, (string?)id)));
            }

            var text = ConsoleRenderer.Render(reply, 1, heading);
            if (colour)
            {
                Spectre.Console.AnsiConsole.Markup($"[cyan]{Spectre.Console.Markup.Escape(text)}[/]");
            }
            else
            {
                output.Write(text);
                output.Flush();
            }

            return id;
        }
    }

    public void Note(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }

    /// <summary>A typed number or button label on screen becomes a press.</summary>
    public ButtonPress? TryPress(string text)
    {
        lock (_gate)
        {
            var trimmed = text.Trim();
            if (int.TryParse(trimmed, out var number) && number >= 1 && number <= _buttons.Count)
            {
                var (button, messageId) = _buttons[number - 1];
                return new ButtonPress(button.ActionId, button.Value, messageId);
            }

            var match = _buttons.FirstOrDefault(b => string.Equals(b.Button.Label, trimmed, StringComparison.OrdinalIgnoreCase));
            return match.Button is null ? null : new ButtonPress(match.Button.ActionId, match.Button.Value, match.MessageId);
        }
    }
}
