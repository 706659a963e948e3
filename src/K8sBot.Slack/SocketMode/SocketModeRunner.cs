using K8sBot.Core.Messaging;
using K8sBot.Core.Telemetry;
using K8sBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace K8sBot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection alive: apps.connections.open, connect, wait for hello; on
/// <c>warning</c>/<c>refresh_requested</c> opens the next connection before closing the old one;
/// on a drop reconnects with exponential backoff and jitter (apps.connections.open is Tier 1);
/// on <c>link_disabled</c> or a rejected token stops for good.
/// </summary>
internal sealed partial class SocketModeRunner(
    SlackApiClient api,
    SocketModeEnvelopes envelopes,
    SlackRuntime runtime,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<SocketModeRunner> logger)
{
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        SocketModeConnection? current = null;
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (current is null)
                {
                    try
                    {
                        current = await OpenAsync(cancellationToken);
                        failures = 0;
                        runtime.Report(AdapterState.Connected);
                        LogConnected(logger);
                    }
                    catch (SlackApiException ex) when (ex.IsFatalAuth)
                    {
                        return; // The client already stopped the adapter with the reason.
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException || ex is TimeoutException)
                    {
                        failures++;
                        var delay = Backoff(failures);
                        runtime.Report(AdapterState.Reconnecting, $"Socket Mode connect failed: {Describe(ex)}");
                        LogConnectFailed(logger, Describe(ex), delay.TotalSeconds);
                        await Task.Delay(delay, time, cancellationToken);
                        continue;
                    }
                }

                var reason = await current.Ended.WaitAsync(cancellationToken);
                switch (reason)
                {
                    case "link_disabled":
                        await current.DisposeAsync();
                        current = null;
                        const string disabled = "Socket Mode was turned off for this Slack app (link_disabled); turn it on again in the app settings and restart";
                        if (runtime.Stop(disabled))
                        {
                            LogStopped(logger, disabled);
                        }

                        return;
                    case "warning" or "refresh_requested":
                        LogRefreshing(logger, reason);
                        metrics.GatewayReconnects.Add(1, new KeyValuePair<string, object?>("platform", "slack"), new KeyValuePair<string, object?>("kind", "refresh"));
                        var old = current;
                        current = null;
                        try
                        {
                            current = await OpenAsync(cancellationToken);
                            runtime.Report(AdapterState.Connected);
                        }
                        catch (SlackApiException ex) when (ex.IsFatalAuth)
                        {
                            return;
                        }
                        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException || ex is TimeoutException)
                        {
                            // The loop opens a fresh connection next, with backoff if that fails too.
                            LogConnectFailed(logger, Describe(ex), 0);
                        }
                        finally
                        {
                            // New before old: the old socket keeps acking until now, so nothing is lost.
                            await old.DisposeAsync();
                        }

                        break;
                    default:
                        // Dropped, or too_many_websockets (close first, then reconnect after a pause).
                        await current.DisposeAsync();
                        current = null;
                        failures++;
                        metrics.GatewayReconnects.Add(1, new KeyValuePair<string, object?>("platform", "slack"), new KeyValuePair<string, object?>("kind", "reconnect"));
                        var delay = Backoff(failures);
                        runtime.Report(AdapterState.Reconnecting, $"Socket Mode connection ended ({reason})");
                        LogDropped(logger, reason, delay.TotalSeconds);
                        await Task.Delay(delay, time, cancellationToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host shutdown or adapter stopped.
        }
        finally
        {
            if (current is not null)
            {
                await current.DisposeAsync();
            }
        }
    }

    /// <summary>1, 2, 4 … 60 s, each with up to 25 % random jitter so many pods do not reconnect in step.</summary>
    public static TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Max(0, failures - 1)));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.25)));
    }

    private async Task<SocketModeConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var url = await api.OpenConnectionAsync(cancellationToken);
        var connection = new SocketModeConnection(envelopes.Handle);
        try
        {
            await connection.ConnectAsync(url, cancellationToken);
            await connection.Hello.WaitAsync(HelloTimeout, time, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string Describe(Exception ex) => ex is SlackApiException slack ? slack.Error : ex.GetType().Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked for a new Socket Mode connection ({Reason}); opening it before closing the old one")]
    private static partial void LogRefreshing(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection ended ({Reason}); reconnecting in {Seconds:0.0} s")]
    private static partial void LogDropped(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connect failed ({Reason}); retrying in {Seconds:0.0} s")]
    private static partial void LogConnectFailed(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack adapter stopped: {Reason}. The host keeps running; /readyz shows this")]
    private static partial void LogStopped(ILogger logger, string reason);
}
