using System.Diagnostics.Metrics;
using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using K8sBot.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>
/// The real adapter (AddSlackAdapter + MapSlackEndpoints) in a loopback web host, pointed at a
/// <see cref="FakeSlack"/>, with a fake clock and a recording core.
/// </summary>
internal sealed class AdapterHarness : IAsyncDisposable
{
    public const string BotToken = "xoxb-1111-2222-secretbottoken";
    public const string AppToken = "xapp-1-A111-3333-secretapptoken";
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly WebApplication _app;
    private readonly MeterListener _meters = new();

    private AdapterHarness(WebApplication app, FakeClock clock, RecordingCore core, LogSink logs)
    {
        _app = app;
        Clock = clock;
        Core = core;
        Logs = logs;
        States = new Recorder<(AdapterState State, string? Reason)>();
        Metrics = new Recorder<(string Name, string? Tag)>();
    }

    public FakeClock Clock { get; }

    public RecordingCore Core { get; }

    public LogSink Logs { get; }

    public Recorder<(AdapterState State, string? Reason)> States { get; }

    public Recorder<(string Name, string? Tag)> Metrics { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public static async Task<AdapterHarness> StartAsync(FakeSlack fake, FakeClock clock, bool socketMode = true, bool http = false, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl.ToString(),
            ["Slack:AppToken"] = socketMode ? AppToken : null,
            ["Slack:SigningSecret"] = http ? SigningSecret : null,
        };
        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new LogSink();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var core = new RecordingCore();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<AdapterStatusBoard>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<BotMetrics>();
        builder.Services.AddSingleton<IChatCore>(core);
        builder.Services.AddSlackAdapter(builder.Configuration);
        var app = builder.Build();
        app.MapSlackEndpoints();

        var harness = new AdapterHarness(app, clock, core, logs);
        if (app.Services.GetService<SlackRuntime>() is { } runtime)
        {
            runtime.StateChanged += (state, reason) => harness.States.Add((state, reason));
        }

        harness.ListenToMetrics();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        harness.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return harness;
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        _meters.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void ListenToMetrics()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BotMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            string? tag = null;
            foreach (var t in tags)
            {
                if (t.Key is "kind" or "scope")
                {
                    tag = t.Value?.ToString();
                }
            }

            Metrics.Add((instrument.Name, tag));
        });
        _meters.Start();
    }
}
