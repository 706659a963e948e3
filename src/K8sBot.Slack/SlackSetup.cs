using K8sBot.Core.Messaging;
using K8sBot.Slack.Api;
using K8sBot.Slack.Http;
using K8sBot.Slack.Inbound;
using K8sBot.Slack.Publishing;
using K8sBot.Slack.Rendering;
using K8sBot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace K8sBot.Slack;

public static class SlackSetup
{
    /// <summary>
    /// Registers Slack's reply limits (always: the content linter checks every card against them) and,
    /// when Slack:BotToken is set, the adapter: Web API client, publisher, tenant filter, Socket Mode
    /// (with Slack:AppToken) and what the HTTP endpoints need (with Slack:SigningSecret).
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.Section);
        services.AddSingleton<IReplyLimits, SlackReplyLimits>();
        services.AddOptions<SlackOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        var options = section.Get<SlackOptions>() ?? new SlackOptions();
        if (!options.IsConfigured)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers(); // response_url is a credential; keep request URLs out of the logs.
        services.AddSingleton<SlackRuntime>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<MoreStore>();
        services.AddSingleton(sp => new BlockKitRenderer(sp.GetRequiredService<MoreStore>()));
        services.AddSingleton<SlackResponder>();
        services.AddSingleton<DeliveryDeduper>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SocketModeEnvelopes>();
        services.AddSingleton<SocketModeRunner>();
        services.AddSingleton<IPlatformPublisher, SlackPublisher>();
        services.AddSingleton<ITenantFilter, SlackTenantFilter>();
        services.AddHostedService<SlackWorkerService>();
        services.AddHostedService<SlackAdapterService>();
        return services;
    }
}
