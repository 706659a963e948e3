using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace K8sBot.Hosting;

/// <summary>
/// <c>/metrics</c> in Prometheus text format: the bot's own <c>K8sBot</c> meter plus the meters
/// .NET and ASP.NET Core already publish (GC, heap, thread pool, request duration), which cost
/// no extra package.
/// </summary>
internal static class BotTelemetry
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // The slim host forces the simple console formatter; re-apply Logging:Console so the
        // container can ask for JSON lines (Logging__Console__FormatterName=json).
        services.Configure<ConsoleLoggerOptions>(configuration.GetSection("Logging:Console"));
        services.AddSingleton<HostGauges>();
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("k8sbot")).WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName, "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    public static void MapBotMetrics(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<HostGauges>();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
    }
}
