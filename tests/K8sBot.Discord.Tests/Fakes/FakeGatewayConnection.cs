using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace K8sBot.Discord.Tests.Fakes;

/// <summary>One client connection to the fake gateway, seen from the server side.</summary>
internal sealed class FakeGatewayConnection(WebSocket socket, string path)
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public string Path => path;

    public bool AutoAck { get; set; } = true;

    /// <summary>Everything but heartbeats.</summary>
    public Channel<JsonObject> Frames { get; } = Channel.CreateUnbounded<JsonObject>();

    public Channel<JsonObject> Heartbeats { get; } = Channel.CreateUnbounded<JsonObject>();

    public TaskCompletionSource<int?> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(JsonObject frame)
    {
        await _send.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public Task<JsonObject> NextFrameAsync() => Frames.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public Task<JsonObject> NextHeartbeatAsync() => Heartbeats.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public async Task SendReadyAsync(string resumeUrl, long sequence = 1)
    {
        var ready = Payload.Load("gateway-dispatch-ready.json");
        ready.Remove("_composed");
        ready["d"]!["resume_gateway_url"] = resumeUrl;
        ready["s"] = sequence;
        await SendAsync(ready);
    }

    public async Task DispatchAsync(string type, JsonObject data, long sequence)
    {
        await SendAsync(new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = sequence, ["d"] = data });
    }

    public async Task CloseAsync(int code)
    {
        await _send.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        Closed.TrySetResult((int?)result.CloseStatus);
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        }

                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var frame = JsonNode.Parse(message.ToArray())!.AsObject();
                if (frame["op"]!.GetValue<int>() == 1)
                {
                    Heartbeats.Writer.TryWrite(frame);
                    if (AutoAck)
                    {
                        await SendAsync(new JsonObject { ["op"] = 11 });
                    }
                }
                else
                {
                    Frames.Writer.TryWrite(frame);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            Closed.TrySetResult(null);
        }
    }
}
