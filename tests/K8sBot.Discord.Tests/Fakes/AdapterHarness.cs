using K8sBot.Core;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Messaging;
using K8sBot.Core.Telemetry;
using K8sBot.Discord.Gateway;
using K8sBot.Discord.Status;
using K8sBot.Discord.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Discord.Tests.Fakes;

/// <summary>The real adapter wired by <see cref="DiscordSetup.AddDiscordAdapter"/> against a <see cref="FakeDiscord"/>.</summary>
internal sealed class AdapterHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly string? _dataFolder;
    private Task? _gateway;

    private AdapterHarness(ServiceProvider services, FakeTimeProvider time, string? dataFolder)
    {
        Services = services;
        Time = time;
        _dataFolder = dataFolder;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public Pacer Pacer => Services.GetRequiredService<Pacer>();

    public AdapterStatusBoard Board => Services.GetRequiredService<AdapterStatusBoard>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// <paramref name="core"/> null: the real command core on a temp LiteDB file and the fixture
    /// catalogue. <paramref name="advance"/> picks the waits the fake clock skips by itself.
    /// </summary>
    public static AdapterHarness Create(FakeDiscord fake, IChatCore? core = null, Dictionary<string, string?>? settings = null, Func<PacerWait, bool>? advance = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token",
            ["Discord:ApiBaseUrl"] = fake.ApiBase,
            ["Discord:GuildId"] = "290926798626357999",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        string? folder = null;
        if (core is null && !values.ContainsKey("Storage:Path"))
        {
            folder = Path.Combine(Path.GetTempPath(), "k8sbot-discord-" + Guid.NewGuid().ToString("N"));
            values["Storage:Path"] = Path.Combine(folder, "bot.db");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        fake.Clock = time;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        if (core is null)
        {
            services.AddK8sBotCore(configuration);
        }
        else
        {
            services.AddMetrics();
            services.AddSingleton<BotMetrics>();
            services.AddSingleton<AdapterStatusBoard>();
            services.AddSingleton<TenantOwnership>();
            services.AddSingleton(core);
        }

        services.AddSingleton(FixtureCatalog.Create());
        services.AddSingleton<ConceptLookup>();
        services.AddSingleton<IHostApplicationLifetime, TestLifetime>();
        services.AddDiscordAdapter(configuration);
        var provider = services.BuildServiceProvider();
        var harness = new AdapterHarness(provider, time, folder);
        if (advance is not null)
        {
            harness.Pacer.Waiting += wait =>
            {
                if (advance(wait))
                {
                    time.Advance(wait.Delay);
                }
            };
        }

        return harness;
    }

    /// <summary>Runs the gateway and command registration like the host does.</summary>
    public void Start()
    {
        var service = Services.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();
        _gateway = service.StartAsync(_cts.Token).ContinueWith(_ => service.ExecuteTask ?? Task.CompletedTask, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Runs only the gateway loop; completes when the adapter stops.</summary>
    public Task RunGateway()
    {
        _gateway = Get<DiscordGateway>().RunAsync(_cts.Token);
        return _gateway;
    }

    public Task? RunGatewayTask => _gateway;

    /// <summary>Connects, identifies and receives READY; returns the live connection.</summary>
    public static async Task<FakeGatewayConnection> ConnectReadyAsync(FakeDiscord fake, AdapterHarness harness)
    {
        var connected = harness.WaitForStateAsync(AdapterState.Connected);
        _ = harness.RunGateway();
        var connection = await fake.NextConnectionAsync();
        var identify = await connection.NextFrameAsync();
        Assert.Equal(2, identify["op"]!.GetValue<int>());
        await connection.SendReadyAsync(fake.ResumeUrl);
        await connected;
        return connection;
    }

    /// <summary>Completes when the adapter next reports <paramref name="state"/>; subscribe before acting.</summary>
    public Task WaitForStateAsync(AdapterState state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Get<DiscordStatus>().Changed += s =>
        {
            if (s == state)
            {
                reached.TrySetResult();
            }
        };
        return reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_gateway is not null)
        {
            try
            {
                await _gateway.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // The test is over.
            }
        }

        await Services.DisposeAsync();
        _cts.Dispose();
        if (_dataFolder is not null && Directory.Exists(_dataFolder))
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // LiteDB may still hold the file briefly on some systems.
            }
        }
    }
}
