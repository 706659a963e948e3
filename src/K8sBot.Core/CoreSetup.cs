using K8sBot.Core.Ask;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Daily;
using K8sBot.Core.Limits;
using K8sBot.Core.Messaging;
using K8sBot.Core.Quiz;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace K8sBot.Core;

/// <summary>Registers the platform-neutral core. Each feature adds itself here; the host calls this once.</summary>
public static class CoreSetup
{
    public static IServiceCollection AddK8sBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<BotDatabase>();
        services.AddSingleton<IDatabaseMigration, InitialSchemaMigration>();
        services.AddSingleton<UserProfileStore>();

        services.AddSingleton(sp => LoadCatalog(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddSingleton<CardPresenter>();
        services.AddSingleton<ConceptLookup>();

        services.AddSingleton<IChatPublisher, ChatPublisher>();
        services.AddSingleton<AdapterStatusBoard>();
        services.AddSingleton<TenantOwnership>();
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<IChatCore, ChatCore>();
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMessageGate, CommandRateLimitGate>();
        services.AddSingleton<ICommandHandler, HelpCommand>();
        services.AddSingleton<ICommandHandler, LangCommand>();
        services.AddSingleton<ICommandHandler, CardCommand>();
        services.AddSingleton<ICommandHandler, ConceptsCommand>();
        services.AddSingleton<IButtonHandler, CardButtons>();

        services.TryAddSingleton<IAskEngine, CatalogAskEngine>();
        services.AddSingleton<AskReplyBuilder>();
        services.AddSingleton<ICommandHandler, AskCommand>();
        services.AddQuiz(configuration);
        services.AddDaily(configuration);
        return services;
    }

    private static ContentCatalog LoadCatalog(ContentOptions options)
    {
        var path = options.ResolvePath();
        var result = ContentLoader.Load(path);
        if (result.Problems.Count > 0)
        {
            throw new ContentInvalidException($"The content in '{path}' has {result.Problems.Count} problem(s); run 'k8sbot content lint'. First: {result.Problems[0]}");
        }

        return result.Catalog;
    }
}
