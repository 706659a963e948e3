using System.Net;
using K8sBot.Hosting;
using K8sBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8sBot.Tests.Hosting;

/// <summary><c>k8sbot run</c> in process: health endpoints, and no secret in any log line.</summary>
public sealed class RunHostTests : IDisposable
{
    private const string DiscordToken = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GFAKE1.recognisable-discord-token";
    private const string SlackBotToken = "xoxb-9999-8888-recognisableSlackBot";
    private const string SlackAppToken = "xapp-1-A0FAKE-7777-recognisableSlackApp";
    private const string SigningSecret = "recognisable0signing0secret0123456";
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

    [Fact]
    public async Task Recognisable_fake_tokens_never_reach_a_log_line_through_start_errors_and_shutdown()
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fake = FakePlatforms(seen);
        await fake.StartAsync();
        var baseUrl = Address(fake);
        var capture = new CapturingLoggerProvider();

        await using (var app = RunHost.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:Path"] = _temp.File("bot.db"),
            ["Content:Path"] = RepositoryPaths.Content,
            ["Discord:Token"] = DiscordToken,
            ["Discord:ApplicationId"] = "1098765432109876543",
            ["Discord:ApiBaseUrl"] = baseUrl + "/discord/api/v10",
            ["Slack:BotToken"] = SlackBotToken,
            ["Slack:AppToken"] = SlackAppToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = baseUrl + "/slack/api",
            ["Logging:LogLevel:Default"] = "Trace",
        }, logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(capture);
        }))
        {
            await app.StartAsync();
            await seen.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await app.StopAsync();
        }

        var all = string.Join('\n', capture.Lines);
        Assert.NotEmpty(capture.Lines);
        foreach (var secret in new[] { DiscordToken, SlackBotToken, SlackAppToken, SigningSecret, "recognisable" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    /// <summary>Refuses every call: Discord with 401, Slack with invalid_auth. Signals once both were called.</summary>
    private static WebApplication FakePlatforms(TaskCompletionSource seen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var discord = 0;
        var slack = 0;
        void Check()
        {
            if (Volatile.Read(ref discord) > 0 && Volatile.Read(ref slack) > 0)
            {
                seen.TrySetResult();
            }
        }

        app.Map("/discord/{**rest}", async context =>
        {
            Interlocked.Increment(ref discord);
            Check();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { message = "401: Unauthorized", code = 0 });
        });
        app.Map("/slack/{**rest}", async context =>
        {
            Interlocked.Increment(ref slack);
            Check();
            await context.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_auth" });
        });
        return app;
    }

    public void Dispose() => _temp.Dispose();
}
