using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>The server side of one Socket Mode connection: the test sends frames and reads the adapter's acks.</summary>
internal sealed class FakeSocket(WebSocket socket, int number)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Number => number;

    public Recorder<JsonObject> Received { get; } = new();

    public Task Closed => _closed.Task;

    public async Task SendAsync(string frame)
    {
        await _send.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public Task SendFixtureAsync(string name) => SendAsync(Fixture.Text(name));

    public Task<JsonObject> AckAsync(string envelopeId) =>
        Received.FirstAsync(frame => frame["envelope_id"]?.ToString() == envelopeId);

    public void Abort() => socket.Abort();

    public async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var text = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        return;
                    }

                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                if (JsonNode.Parse(text.ToString()) is JsonObject frame)
                {
                    Received.Add(frame);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The adapter dropped the socket.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
