using Microsoft.Extensions.Configuration;

namespace K8sBot.Hosting;

/// <summary>
/// appsettings.json next to the binary, then environment variables in the standard .NET form with
/// no prefix (<c>Discord__Token</c> sets <c>Discord:Token</c>), then command-line overrides.
/// </summary>
internal static class BotConfiguration
{
    public static void Apply(IConfigurationBuilder builder, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        builder.Sources.Clear();
        builder.SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (overrides is { Count: > 0 })
        {
            builder.AddInMemoryCollection(overrides);
        }
    }
}
