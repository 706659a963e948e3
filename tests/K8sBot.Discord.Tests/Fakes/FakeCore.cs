using System.Threading.Channels;
using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;

namespace K8sBot.Discord.Tests.Fakes;

/// <summary>Records what the adapter hands the core and answers with whatever the test sets.</summary>
internal sealed class FakeCore : IChatCore
{
    public Channel<IncomingMessage> Received { get; } = Channel.CreateUnbounded<IncomingMessage>();

    public Func<IncomingMessage, Task<IReadOnlyList<Reply>>> Answer { get; set; } =
        _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Text("ok")]);

    public Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Received.Writer.TryWrite(message);
        return Answer(message);
    }

    public Task<IncomingMessage> NextAsync() => Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
