using K8sBot.Core.Storage.Backup;

namespace K8sBot.Hosting;

/// <summary>What <c>k8sbot run</c> adds for running in a cluster: metrics, scheduled backups, shard-aware Slack.</summary>
internal static class DeploymentSetup
{
    public static WebApplicationBuilder AddDeployment(this WebApplicationBuilder builder)
    {
        SlackShardGate.Apply(builder.Configuration);
        builder.Services.AddOptions<ShardingOptions>().Bind(builder.Configuration.GetSection(ShardingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddBotTelemetry(builder.Configuration);
        builder.Services.AddHostedService<BackupScheduler>();
        return builder;
    }

    public static WebApplication MapDeployment(this WebApplication app)
    {
        app.MapBotMetrics();
        return app;
    }
}
