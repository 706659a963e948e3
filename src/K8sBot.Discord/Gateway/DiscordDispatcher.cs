using System.Text.Json.Nodes;
using K8sBot.Discord.Interactions;
using K8sBot.Discord.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace K8sBot.Discord.Gateway;

/// <summary>Hands dispatches to their handlers on the thread pool so heartbeats are never delayed by work.</summary>
internal sealed partial class DiscordDispatcher(InteractionHandler interactions, MentionHandler mentions, IHostApplicationLifetime lifetime, ILogger<DiscordDispatcher> logger) : IGatewayDispatchSink
{
    public void OnDispatch(string type, JsonObject data)
    {
        Func<Task>? work = type switch
        {
            "INTERACTION_CREATE" => () => interactions.HandleAsync(data, lifetime.ApplicationStopping),
            "MESSAGE_CREATE" => () => mentions.HandleAsync(data, lifetime.ApplicationStopping),
            _ => null,
        };
        if (work is null)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (Exception ex)
            {
                LogFailed(logger, type, ex);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling Discord {Type} failed")]
    private static partial void LogFailed(ILogger logger, string type, Exception exception);
}
