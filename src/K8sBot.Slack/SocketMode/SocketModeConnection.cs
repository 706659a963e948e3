using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace K8sBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. Its receive loop acks every envelope on this same socket before
/// handing it on, so the ack never waits for slow work; <see cref="Ended"/> completes with the
/// disconnect reason Slack sent (or <c>closed</c>) while the loop keeps acking until the socket closes.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    public const string Closed = "closed";

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<JsonElement> _onEnvelope;
    private Task _receiving = Task.CompletedTask;
    private int _disposed;

    public SocketModeConnection(Action<JsonElement> onEnvelope)
    {
        _onEnvelope = onEnvelope;
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
    }

    public Task Hello => _hello.Task;

    public Task<string> Ended => _ended.Task;

    public async Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(url, cancellationToken);
        _receiving = Task.Run(() => ReceiveLoopAsync(_stop.Token), CancellationToken.None);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes politely but never waits long: Slack may not finish the close handshake.</summary>
    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }

            await _receiving.WaitAsync(CloseTimeout);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // The socket is going away either way.
        }

        await _stop.CancelAsync();
        _socket.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await CloseAsync();
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var frame = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                frame.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    frame.Write(buffer.AsSpan(0, result.Count));
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    await HandleFrameAsync(frame.WrittenMemory, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped socket ends the connection; the supervisor reconnects.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _hello.TrySetException(new WebSocketException("The Socket Mode connection closed before hello."));
            _ended.TrySetResult(Closed);
        }
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            return; // Not JSON: nothing Slack documents; ignore rather than drop the connection.
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (root.TryGetProperty("envelope_id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                await SendAsync(Ack(id.GetString()!), cancellationToken);
                _onEnvelope(root);
                return;
            }

            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "hello")
            {
                _hello.TrySetResult();
            }
            else if (type == "disconnect")
            {
                var reason = root.TryGetProperty("reason", out var r) ? r.GetString() : null;
                _ended.TrySetResult(reason ?? Closed);
            }
        }
    }

    private static byte[] Ack(string envelopeId)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + envelopeId.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
