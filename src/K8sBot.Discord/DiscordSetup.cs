using K8sBot.Core.Messaging;
using K8sBot.Discord.Configuration;
using K8sBot.Discord.Gateway;
using K8sBot.Discord.Interactions;
using K8sBot.Discord.Messages;
using K8sBot.Discord.Publishing;
using K8sBot.Discord.Rendering;
using K8sBot.Discord.Rest;
using K8sBot.Discord.Status;
using K8sBot.Discord.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace K8sBot.Discord;

public static class DiscordSetup
{
    /// <summary>
    /// Registers the Discord adapter. The reply limits are always registered (the content linter
    /// uses them); the gateway, publisher and shard filter only when <c>Discord:Token</c> is set;
    /// the interactions endpoint's services when a token or <c>Discord:PublicKey</c> is set.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.Section);
        services.AddOptions<DiscordOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddSingleton<IReplyLimits, DiscordReplyLimits>();

        var token = section["Token"];
        var publicKey = section["PublicKey"];
        if (string.IsNullOrWhiteSpace(token) && string.IsNullOrWhiteSpace(publicKey))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Pacer(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DiscordStatus>();
        services.AddSingleton<DiscordIdentity>();
        services.AddSingleton(sp => ShardInfo.From(sp.GetRequiredService<IOptions<DiscordOptions>>()));
        services.AddSingleton<OverflowStore>();
        services.AddSingleton(sp => new DiscordRenderer(sp.GetRequiredService<OverflowStore>()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DiscordRestClient>(sp, CreateHttpClient()));
        services.AddSingleton<InteractionHandler>();
        if (!string.IsNullOrWhiteSpace(publicKey))
        {
            // Built from the validated options, so a malformed key fails start with the key named.
            services.AddSingleton(sp => new SignatureVerifier(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!));
        }

        if (!string.IsNullOrWhiteSpace(token))
        {
            services.AddSingleton<MentionHandler>();
            services.AddSingleton<IGatewayDispatchSink, DiscordDispatcher>();
            services.AddSingleton<DiscordGateway>();
            services.AddHostedService<DiscordGatewayService>();
            services.AddSingleton<IPlatformPublisher, DiscordPublisher>();
            services.AddSingleton<ITenantFilter, DiscordTenantFilter>();
        }

        return services;
    }

    /// <summary>Maps <c>POST /discord/interactions</c> when <c>Discord:PublicKey</c> is set.</summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService<SignatureVerifier>() is not null)
        {
            app.MapPost("/discord/interactions", (HttpContext context, SignatureVerifier verifier) => InteractionsEndpoint.HandleAsync(context, verifier));
        }

        return app;
    }

    internal static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
}
