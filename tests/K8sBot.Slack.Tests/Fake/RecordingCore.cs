using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>Stands in for the command core: records what the adapter delivered and answers as the test says.</summary>
internal sealed class RecordingCore : IChatCore
{
    public Recorder<IncomingMessage> Messages { get; } = new();

    /// <summary>When set, the core waits for it before answering (to prove acks do not wait for work).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public Func<IncomingMessage, IReadOnlyList<Reply>> Respond { get; set; } =
        message => [Reply.Text(message.Text is null ? "pressed" : "you asked: " + UserText.Escape(message.Text))];

    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Messages.Add(message);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Respond(message);
    }
}
