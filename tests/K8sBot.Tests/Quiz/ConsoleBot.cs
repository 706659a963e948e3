using K8sBot.ConsoleChat;
using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using K8sBot.Core.Tests.Quiz;
using K8sBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Tests.Quiz;

/// <summary>
/// The console chat as <c>k8sbot chat</c> wires it (host, core, console publisher and loop) on a
/// temp LiteDB file, the fixture catalogue and a fake clock. Dispose and build another on the
/// same file and session to simulate a restart.
/// </summary>
internal sealed class ConsoleBot : IAsyncDisposable
{
    private readonly IHost _host;

    private ConsoleBot(IHost host, ConsoleSession session, ObservableWriter output, FakeTimeProvider time)
    {
        _host = host;
        Session = session;
        Output = output;
        Time = time;
    }

    public ConsoleSession Session { get; }

    public ObservableWriter Output { get; }

    public FakeTimeProvider Time { get; }

    public IChatCore Core => _host.Services.GetRequiredService<IChatCore>();

    public static async Task<ConsoleBot> StartAsync(string dbPath, FakeTimeProvider time, ConsoleSession? session = null, ObservableWriter? output = null)
    {
        output ??= new ObservableWriter();
        session ??= new ConsoleSession(output, colour: false) { Speaker = new ChatUser("alice", "alice", "en", IsAdmin: true) };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = dbPath, ["Content:Path"] = "unused" });
        builder.Logging.ClearProviders();
        builder.Services.AddBot(builder.Configuration);
        builder.Services.AddSingleton(QuizContent.Catalog());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(session);
        builder.Services.AddSingleton<IPlatformPublisher, ConsolePublisher>();
        builder.Services.AddSingleton<ConsoleChatLoop>();
        var host = builder.Build();
        await host.StartAsync();
        return new ConsoleBot(host, session, output, time);
    }

    public Task SayAsync(string line) => _host.Services.GetRequiredService<ConsoleChatLoop>().HandleLineAsync(line, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
