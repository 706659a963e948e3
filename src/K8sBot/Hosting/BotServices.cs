using K8sBot.Core;

namespace K8sBot.Hosting;

/// <summary>The wiring shared by every way the bot runs (run, chat, ask).</summary>
internal static class BotServices
{
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddK8sBotCore(configuration);
        K8sBot.Slack.SlackSetup.AddSlackAdapter(services, configuration);
        return services;
    }
}
