using K8sBot.Core.Content;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

/// <summary>The real core on a temp LiteDB file, the fixture catalogue and a fake clock.</summary>
internal sealed class QuizHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public QuizHost(string dbPath, FakeTimeProvider time, IChatPublisher? publisher = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?> { ["Storage:Path"] = dbPath, ["Content:Path"] = "unused" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddK8sBotCore(configuration);
        services.AddSingleton(QuizContent.Catalog());
        services.AddSingleton<TimeProvider>(time);
        if (publisher is not null)
        {
            services.AddSingleton(publisher);
        }

        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
