using K8sBot.Core.Messaging;
using K8sBot.Hosting.Redaction;

namespace K8sBot.Hosting;

/// <summary><c>k8sbot run</c>: the hosted service with every configured adapter plus health endpoints.</summary>
internal static partial class RunHost
{
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<ILoggingBuilder>? configureLogging = null)
    {
        var app = CreateBuilder(args, overrides, configureLogging).Build();
        app.MapHealth();
        app.MapDeployment();
        K8sBot.Discord.DiscordSetup.MapDiscordInteractions(app);
        K8sBot.Slack.SlackEndpoints.MapSlackEndpoints(app);
        return app;
    }

    /// <summary>Everything before <c>Build()</c>; tests read the registered services from here.</summary>
    internal static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        BotConfiguration.Apply(builder.Configuration, overrides);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://0.0.0.0:8080");
        builder.Services.AddBot(builder.Configuration);
        configureLogging?.Invoke(builder.Logging);
        builder.Logging.AddSecretRedaction(builder.Configuration);
        builder.AddDeployment();
        return builder;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = Build(args);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("K8sBot");

        // Resolve the catalogue and database before serving, so a broken start fails fast and clearly.
        _ = app.Services.GetRequiredService<Core.Content.ContentCatalog>();
        _ = app.Services.GetRequiredService<Core.Storage.BotDatabase>();
        if (app.Services.GetServices<IPlatformPublisher>().All(p => p.Platform == Platform.Console))
        {
            LogNoAdapters(logger);
        }

        await app.RunAsync(cancellationToken);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No chat adapter is configured (set Discord:Token or Slack:BotToken); serving health endpoints only")]
    private static partial void LogNoAdapters(ILogger logger);
}
