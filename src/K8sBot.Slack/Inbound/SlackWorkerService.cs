using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace K8sBot.Slack.Inbound;

/// <summary>Runs queued Slack work on a few parallel workers; one failing item never stops the others.</summary>
internal sealed partial class SlackWorkerService(SlackWorkQueue queue, ILogger<SlackWorkerService> logger) : BackgroundService
{
    private const int Workers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A bad payload or a bug in one handler must not stop the worker.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogWorkFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack event failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception);
}
