using K8sBot.Core;
using K8sBot.Discord;
using K8sBot.Slack;

namespace K8sBot.Hosting;

/// <summary>
/// The wiring shared by every way the bot runs (run, chat, ask, content). Adapters always register
/// their renderers' limits (the content linter checks every card with them); their connections
/// start only when their credentials are configured.
/// </summary>
internal static class BotServices
{
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddK8sBotCore(configuration);
        services.AddDiscordAdapter(configuration);
        services.AddSlackAdapter(configuration);
        return services;
    }
}
