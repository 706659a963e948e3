using K8sBot.Core.Commands;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8sBot.Core.Daily;

public static class DailySetup
{
    /// <summary>Daily cards: store, commands, poster and the scheduler service.</summary>
    public static IServiceCollection AddDaily(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DailyOptions>().Bind(configuration.GetSection(DailyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDatabaseMigration, DailySchemaMigration>();
        services.AddSingleton<DailySubscriptionStore>();
        services.AddSingleton<DailyCardPresenter>();
        services.TryAddSingleton<IWeeklyDigestSource, EmptyWeeklyDigestSource>();
        services.AddSingleton<DailyPoster>();
        services.AddSingleton<DailyStatusCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<DailyStatusCommand>());
        services.AddSingleton<ICommandHandler, DailyOnCommand>();
        services.AddSingleton<ICommandHandler, DailyOffCommand>();
        services.AddSingleton<ICommandHandler, DailyNowCommand>();
        services.AddHostedService<DailyCardScheduler>();
        return services;
    }
}
