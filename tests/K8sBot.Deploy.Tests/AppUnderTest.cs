using K8sBot.Hosting;
using Microsoft.AspNetCore.Routing;

namespace K8sBot.Deploy.Tests;

/// <summary>The real host (RunHost), built in-process on a temp database and the fixture content.</summary>
internal static class AppUnderTest
{
    public static Dictionary<string, string?> Overrides(string dataFolder) => new()
    {
        ["Storage:Path"] = Path.Combine(dataFolder, "k8sbot.db"),
        ["Content:Path"] = Repo.FixtureContent,
        ["urls"] = "http://127.0.0.1:0",
    };

    /// <summary>Route patterns the app maps (/healthz, /readyz, /metrics, adapters' endpoints).</summary>
    public static async Task<IReadOnlyList<string>> RoutesAsync()
    {
        var data = Directory.CreateTempSubdirectory("k8sbot-routes-");
        try
        {
            await using var app = RunHost.Build([], Overrides(data.FullName));
            return [.. ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(s => s.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))];
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
