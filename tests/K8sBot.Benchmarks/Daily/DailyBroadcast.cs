using System.Diagnostics;
using K8sBot.Core;
using K8sBot.Core.Content;
using K8sBot.Core.Daily;
using K8sBot.Core.Messaging;
using K8sBot.Discord;
using K8sBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace K8sBot.Benchmarks.Daily;

/// <summary>
/// Issue 10: <see cref="Channels"/> Discord channels whose daily card is due at the same minute,
/// posted by the real <see cref="DailyCardScheduler"/> (its <c>Daily:MaxConcurrentPosts</c>,
/// the real <see cref="DailyPoster"/> on a LiteDB file) through the real Discord adapter's
/// publisher and REST client to a loopback fake Discord that enforces the real limits
/// (<see cref="RateLimitedDiscord"/>). The floor is what those limits allow: all posts at
/// 50 per second.
/// </summary>
internal sealed class DailyBroadcast : IAsyncDisposable
{
    private const string Guild = "290926798626357999";

    private readonly FakeDiscord _fake;
    private readonly RateLimitedDiscord _limits;
    private readonly ServiceProvider _services;
    private readonly string _folder;

    private DailyBroadcast(FakeDiscord fake, RateLimitedDiscord limits, ServiceProvider services, string folder, int channels)
    {
        _fake = fake;
        _limits = limits;
        _services = services;
        _folder = folder;
        Channels = channels;
    }

    public int Channels { get; }

    /// <summary>
    /// The earliest the last post can land: with at most 50 in any one second, post k + 50 comes at
    /// least a second after post k, so N posts need (N − 50) / 50 s (39 s for 2,000; the issue's
    /// round "2,000 at 50/s = 40 s" counts the first second's burst as a full second).
    /// </summary>
    public static TimeSpan Floor(int channels) => TimeSpan.FromSeconds(Math.Max(channels - RateLimitedDiscord.GlobalPerSecond, 0) / (double)RateLimitedDiscord.GlobalPerSecond);

    /// <summary>A fresh database with <paramref name="channels"/> subscriptions due this minute, the fake and the adapter.</summary>
    public static async Task<DailyBroadcast> CreateAsync(int channels)
    {
        var fake = await FakeDiscord.StartAsync();
        fake.Record = false;
        var limits = new RateLimitedDiscord();
        fake.Responder = limits.Respond;
        var folder = Path.Combine(Path.GetTempPath(), "k8sbot-broadcast-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "bench-token",
            ["Discord:ApiBaseUrl"] = fake.ApiBase,
            ["Discord:GuildId"] = Guild,
            ["Storage:Path"] = Path.Combine(folder, "bot.db"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddK8sBotCore(configuration);
        services.AddSingleton(FixtureCatalog.Create());
        services.AddSingleton<ConceptLookup>();
        services.AddSingleton<IHostApplicationLifetime, TestLifetime>();
        services.AddDiscordAdapter(configuration);
        var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<DailySubscriptionStore>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < channels; i++)
        {
            var where = new ConversationAddress(Platform.Discord, Guild, (1_000_000_000_000_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            store.Save(new DailySubscription
            {
                Id = where.ChannelKey,
                Tenant = where.Tenant.ToString(),
                Platform = where.Platform.ToString(),
                TenantId = where.TenantId,
                ChannelId = where.ChannelId,
                Time = now.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                Zone = "UTC",
                Lang = i % 2 == 0 ? "ko" : "en",
                Digest = false,
                ActiveFromUtc = now.AddHours(-1).UtcDateTime,
            });
        }

        return new DailyBroadcast(fake, limits, provider, folder, channels);
    }

    public int MaxConcurrentPosts => _services.GetRequiredService<IOptions<DailyOptions>>().Value.MaxConcurrentPosts;

    /// <summary>Starts the scheduler (which finds every channel due) and waits for the last post to land.</summary>
    public async Task<BroadcastResult> RunAsync()
    {
        var allPosted = _limits.Expect(Channels);
        var scheduler = _services.GetServices<IHostedService>().OfType<DailyCardScheduler>().Single();
        var started = Stopwatch.GetTimestamp();
        await scheduler.StartAsync(CancellationToken.None);
        await allPosted.WaitAsync(TimeSpan.FromSeconds((Channels / 50.0 * 3) + 30));
        var wall = Stopwatch.GetElapsedTime(started);
        await scheduler.StopAsync(CancellationToken.None);
        return new BroadcastResult(Channels, MaxConcurrentPosts, wall, Floor(Channels), _limits.GlobalLimited, _limits.ChannelLimited);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
