using K8sBot.Discord.Configuration;
using K8sBot.Discord.Interactions;
using K8sBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Discord.Gateway;

/// <summary>Runs the gateway and, after the first READY, registers <c>/k8s</c> with one bulk overwrite.</summary>
internal sealed partial class DiscordGatewayService(DiscordGateway gateway, DiscordRestClient rest, DiscordIdentity identity, IOptions<DiscordOptions> options, ILogger<DiscordGatewayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var run = gateway.RunAsync(stoppingToken);
        var register = RegisterAsync(stoppingToken);
        await Task.WhenAll(run, register);
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await gateway.FirstReady.WaitAsync(cancellationToken);
            await CommandRegistrar.RegisterAsync(rest, identity.ApplicationId ?? options.Value.ApplicationId ?? string.Empty, options.Value.GuildId, cancellationToken);
            LogRegistered(logger, options.Value.GuildId is null ? "globally" : "in guild " + options.Value.GuildId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before READY.
        }
        catch (DiscordRestException ex)
        {
            LogRegisterFailed(logger, ex.Status, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered /k8s {Where}")]
    private static partial void LogRegistered(ILogger logger, string where);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering /k8s failed ({Status}): {Reason}")]
    private static partial void LogRegisterFailed(ILogger logger, int status, string reason);
}
