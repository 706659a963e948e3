using K8sBot.Core.Messaging;
using K8sBot.Slack.Api;
using K8sBot.Slack.SocketMode;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Slack;

/// <summary>
/// Starts the adapter: <c>auth.test</c> (who the bot is, and whether the token works), then Socket
/// Mode when an app token is configured. A rejected token stops only this adapter; the host and the
/// other adapters keep running and <c>/readyz</c> says why.
/// </summary>
internal sealed partial class SlackAdapterService(
    SlackApiClient api,
    SocketModeRunner socketMode,
    SlackRuntime runtime,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackAdapterService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, runtime.Stopped);
        var cancellationToken = linked.Token;
        runtime.Report(AdapterState.Starting);
        try
        {
            var identity = await AuthenticateAsync(cancellationToken);
            if (identity is null)
            {
                return;
            }

            runtime.SetIdentity(identity);
            LogAuthenticated(logger, identity.TeamId, identity.BotUserId);
            if (options.Value.UsesSocketMode)
            {
                await socketMode.RunAsync(cancellationToken);
            }
            else
            {
                // HTTP mode: Slack calls us; a working token is all "connected" can mean.
                runtime.Report(AdapterState.Connected);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host shutdown or adapter stopped.
        }
    }

    private async Task<SlackIdentity?> AuthenticateAsync(CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await api.AuthTestAsync(cancellationToken);
            }
            catch (SlackApiException ex) when (ex.IsFatalAuth)
            {
                return null; // The client has stopped the adapter and logged why.
            }
            catch (SlackApiException ex)
            {
                var delay = SocketModeRunner.Backoff(failures);
                runtime.Report(AdapterState.Reconnecting, $"auth.test failed: {ex.Error}");
                LogAuthRetry(logger, ex.Error, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack bot authenticated in team {TeamId} as {BotUserId}")]
    private static partial void LogAuthenticated(ILogger logger, string teamId, string botUserId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack auth.test failed ({Error}); retrying in {Seconds:0.0} s")]
    private static partial void LogAuthRetry(ILogger logger, string error, double seconds);
}
