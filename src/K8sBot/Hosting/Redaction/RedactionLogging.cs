using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8sBot.Hosting.Redaction;

internal static class RedactionLogging
{
    /// <summary>Decorates every registered logger provider with secret redaction.</summary>
    public static ILoggingBuilder AddSecretRedaction(this ILoggingBuilder logging, IConfiguration configuration)
    {
        var secrets = new SecretValues(configuration);
        var providers = logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider)).ToList();
        foreach (var descriptor in providers)
        {
            logging.Services.Remove(descriptor);
            logging.Services.Add(ServiceDescriptor.Singleton<ILoggerProvider>(sp =>
            {
                var inner = descriptor.ImplementationInstance as ILoggerProvider
                    ?? (descriptor.ImplementationFactory is { } factory
                        ? (ILoggerProvider)factory(sp)
                        : (ILoggerProvider)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
                return new RedactingLoggerProvider(inner, secrets);
            }));
        }

        logging.Services.TryAddSingleton(secrets);
        return logging;
    }
}
