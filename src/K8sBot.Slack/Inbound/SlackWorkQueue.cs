using System.Threading.Channels;

namespace K8sBot.Slack.Inbound;

/// <summary>
/// Work taken off the ack path: envelopes and HTTP requests are acknowledged first, then their
/// handling waits here for a worker. Bounded, so a flood sheds load instead of exhausting memory.
/// </summary>
internal sealed class SlackWorkQueue
{
    public const int Capacity = 5_000;

    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateBounded<Func<CancellationToken, Task>>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = false, SingleReader = false });

    public ChannelReader<Func<CancellationToken, Task>> Reader => _work.Reader;

    public bool TryEnqueue(Func<CancellationToken, Task> work) => _work.Writer.TryWrite(work);
}
