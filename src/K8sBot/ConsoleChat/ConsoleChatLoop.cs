using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;

namespace K8sBot.ConsoleChat;

/// <summary>
/// The console adapter: one line in, replies out. <c>/as NAME</c> switches the speaker so one
/// person can demo a team competition; a number or a button label presses a button on screen.
/// </summary>
internal sealed class ConsoleChatLoop(IChatCore core, ConsoleSession session, TimeProvider time)
{
    public async Task RunAsync(TextReader input, bool interactive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (interactive)
        {
            session.Note("K8sBot console — type a question, `help`, `/as NAME` to switch speaker, Ctrl+D to quit.");
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                session.Note($"{session.Speaker.DisplayName}>");
            }

            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                break;
            }

            await HandleLineAsync(line, cancellationToken);
        }
    }

    public async Task HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (text.StartsWith("/as ", StringComparison.OrdinalIgnoreCase))
        {
            var name = text[4..].Trim();
            if (name.Length > 0)
            {
                session.Speaker = new ChatUser(name.ToLowerInvariant(), name, session.Speaker.Locale, IsAdmin: true);
                session.Note($"(now speaking as {name})");
            }

            return;
        }

        var now = time.GetUtcNow();
        var press = session.TryPress(text);
        var message = press is null
            ? IncomingMessage.FromText(session.Address, session.Speaker, text, now)
            : IncomingMessage.FromButton(session.Address, session.Speaker, press, now);
        foreach (var reply in await core.HandleAsync(message, cancellationToken))
        {
            session.Show(reply, reply.Visibility == ReplyVisibility.Private ? session.Speaker.DisplayName : null);
        }
    }
}
