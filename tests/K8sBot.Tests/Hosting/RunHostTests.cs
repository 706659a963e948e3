using System.Net;
using K8sBot.Hosting;
using K8sBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace K8sBot.Tests.Hosting;

/// <summary><c>k8sbot run</c> in process.</summary>
public sealed class RunHostTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    [Fact]
    public async Task Health_is_served_with_no_adapter_configured()
    {
        await using var app = RunHost.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:Path"] = _temp.File("bot.db"),
            ["Content:Path"] = RepositoryPaths.Content,
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };

        Assert.Equal("ok\n", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("ready", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.StopAsync();
    }

    public void Dispose() => _temp.Dispose();
}
