using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using K8sBot.Discord.Timing;

namespace K8sBot.Discord.Gateway;

/// <summary>
/// One gateway connection: Hello, Identify or Resume, heartbeats with zombie detection, dispatches
/// handed off without blocking, and the reason it ended.
/// </summary>
internal sealed class GatewaySession(DiscordGateway gateway, ClientWebSocket socket, Pacer pacer) : IDisposable
{
    private const int MaxFrameBytes = 16 * 1024 * 1024;
    private const int MaxSendBytes = 4096;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimit _sendLimit = new(pacer);
    private readonly CancellationTokenSource _cts = new();
    private GatewayOutcome? _ended;
    private int _acked = 1;

    public async Task<GatewayOutcome> RunAsync(bool resume, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cts.Token);
        var token = linked.Token;
        Task? heartbeat = null;
        try
        {
            while (true)
            {
                var (frame, closeCode) = await ReceiveAsync(token);
                if (frame is null)
                {
                    return _ended ?? Closed(closeCode);
                }

                var outcome = await HandleAsync(frame, resume, token, hello => heartbeat = HeartbeatAsync(hello, token));
                if (outcome is not null)
                {
                    await CloseAsync(outcome.Next == GatewayNext.Shutdown ? WebSocketCloseStatus.NormalClosure : (WebSocketCloseStatus)CloseCodes.Reconnecting, outcome.Why);
                    return outcome;
                }
            }
        }
        catch (OperationCanceledException) when (_ended is not null)
        {
            return _ended;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "shutdown");
            return new GatewayOutcome(GatewayNext.Shutdown, "shutdown");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or System.Text.Json.JsonException)
        {
            return _ended ?? new GatewayOutcome(GatewayNext.Resume, "connection lost: " + ex.Message);
        }
        finally
        {
            await _cts.CancelAsync();
            if (heartbeat is not null)
            {
                try
                {
                    await heartbeat;
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                    // The connection is over either way.
                }
            }
        }
    }

    private async Task<GatewayOutcome?> HandleAsync(JsonObject frame, bool resume, CancellationToken token, Action<TimeSpan> startHeartbeat)
    {
        var op = frame["op"]?.GetValue<int>() ?? -1;
        switch (op)
        {
            case GatewayOpcodes.Hello:
                var interval = TimeSpan.FromMilliseconds(frame["d"]?["heartbeat_interval"]?.GetValue<double>() ?? 41_250);
                startHeartbeat(interval);
                if (resume)
                {
                    await SendAsync(gateway.ResumePayload(), heartbeat: false, token);
                }
                else
                {
                    await gateway.IdentifyGate.WaitAsync(token);
                    await SendAsync(gateway.IdentifyPayload(), heartbeat: false, token);
                }

                return null;
            case GatewayOpcodes.HeartbeatAck:
                Volatile.Write(ref _acked, 1);
                return null;
            case GatewayOpcodes.Heartbeat:
                await SendAsync(HeartbeatPayload(), heartbeat: true, token);
                return null;
            case GatewayOpcodes.Reconnect:
                return new GatewayOutcome(GatewayNext.Resume, "op 7 reconnect");
            case GatewayOpcodes.InvalidSession:
                var resumable = frame["d"] is JsonValue d && d.TryGetValue<bool>(out var flag) && flag;
                if (resumable)
                {
                    return new GatewayOutcome(GatewayNext.Resume, "op 9 invalid session (resumable)");
                }

                // Discord asks for a random 1-5 s pause before identifying again.
                var pause = TimeSpan.FromSeconds(1 + (4 * Backoff.Jitter()));
                return new GatewayOutcome(GatewayNext.Identify, "op 9 invalid session", Delay: pause);
            case GatewayOpcodes.Dispatch:
                if (frame["s"] is JsonValue s && s.TryGetValue<long>(out var sequence))
                {
                    gateway.Sequence = sequence;
                }

                gateway.OnDispatch(frame["t"]?.GetValue<string>() ?? string.Empty, frame["d"] as JsonObject ?? []);
                return null;
            default:
                return null;
        }
    }

    private async Task HeartbeatAsync(TimeSpan interval, CancellationToken token)
    {
        // The first beat waits interval * jitter so a fleet reconnecting together spreads out.
        await pacer.DelayAsync(interval * Backoff.Jitter(), "heartbeat", token);
        while (!token.IsCancellationRequested)
        {
            if (Interlocked.Exchange(ref _acked, 0) == 0)
            {
                // No ACK since the last beat: the link is a zombie. Close with a resumable code.
                _ended = new GatewayOutcome(GatewayNext.Resume, "no heartbeat ACK (zombie connection)", CloseCodes.Reconnecting);
                gateway.CountZombie();
                await CloseAsync((WebSocketCloseStatus)CloseCodes.Reconnecting, "zombie");
                await _cts.CancelAsync();
                return;
            }

            // The next timer exists before the beat goes out, so a fake clock sees it immediately.
            var next = pacer.DelayAsync(interval, "heartbeat", token);
            await SendAsync(HeartbeatPayload(), heartbeat: true, token);
            await next;
        }
    }

    private JsonObject HeartbeatPayload() => new() { ["op"] = GatewayOpcodes.Heartbeat, ["d"] = gateway.Sequence is { } s ? JsonValue.Create(s) : null };

    private async Task SendAsync(JsonObject payload, bool heartbeat, CancellationToken token)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        if (bytes.Length > MaxSendBytes)
        {
            throw new InvalidOperationException($"Gateway payload of {bytes.Length} bytes exceeds Discord's {MaxSendBytes}.");
        }

        await _sendLimit.WaitAsync(heartbeat, token);
        await _sendLock.WaitAsync(token);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<(JsonObject? Frame, int? CloseCode)> ReceiveAsync(CancellationToken token)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (null, (int?)socket.CloseStatus);
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxFrameBytes)
                {
                    throw new WebSocketException("Gateway frame too large.");
                }

                if (result.EndOfMessage)
                {
                    message.Position = 0;
                    return (JsonNode.Parse(message) as JsonObject ?? [], null);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static GatewayOutcome Closed(int? code)
    {
        var next = CloseCodes.Classify(code);
        return new GatewayOutcome(next, code is { } c ? $"closed with {c}: {CloseCodes.Describe(c)}" : "closed without a code", code);
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await socket.CloseOutputAsync(status, reason, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dead link cannot be closed politely; dropping it keeps the session resumable.
        }
    }

    public void Dispose()
    {
        _cts.Dispose();
        _sendLock.Dispose();
    }
}
