using System.CommandLine;
using K8sBot.ConsoleChat;
using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Hosting;
using K8sBot.Hosting.Redaction;

namespace K8sBot.Cli;

/// <summary><c>k8sbot chat</c>: the console adapter on the embedded database, no tokens needed.</summary>
internal static class ChatCli
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "Who is speaking (switch later with /as NAME)", DefaultValueFactory = _ => "you" };
        var lang = new Option<string?>("--lang") { Description = "Reply language for this user: ko or en" };
        var db = new Option<string?>("--db") { Description = "LiteDB file (default Storage:Path, data/k8sbot.db)" };
        var command = new Command("chat", "Chat with the bot in this terminal (piped stdin: one message per line)") { user, lang, db };
        command.SetAction(async (result, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (result.GetValue(db) is { Length: > 0 } path)
            {
                overrides["Storage:Path"] = path;
            }

            return await RunAsync(result.GetValue(user) ?? "you", result.GetValue(lang), overrides, Console.In, Console.Out, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(string userName, string? lang, IReadOnlyDictionary<string, string?> overrides, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var interactive = !Console.IsInputRedirected && ReferenceEquals(input, Console.In);
        var colour = interactive && !Console.IsOutputRedirected;
        var session = new ConsoleSession(output, colour);
        session.Speaker = new ChatUser(userName.ToLowerInvariant(), userName, lang, IsAdmin: true);

        // The console chat is the local adapter only: a Discord or Slack token in the environment
        // must not make it connect to a platform and answer there too.
        var local = new Dictionary<string, string?>(overrides)
        {
            ["Discord:Token"] = string.Empty,
            ["Discord:PublicKey"] = string.Empty,
            ["Slack:BotToken"] = string.Empty,
            ["Slack:AppToken"] = string.Empty,
            ["Slack:SigningSecret"] = string.Empty,
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        BotConfiguration.Apply(builder.Configuration, local);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSecretRedaction(builder.Configuration);
        builder.Services.AddBot(builder.Configuration);
        builder.Services.AddSingleton(session);
        builder.Services.AddSingleton<IPlatformPublisher, ConsolePublisher>();
        builder.Services.AddSingleton<ConsoleChatLoop>();

        using var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<BotDatabase>();
            _ = host.Services.GetRequiredService<Core.Content.ContentCatalog>();
        }
        catch (Exception ex)
        {
            throw BotCli.Unwrap(ex);
        }

        if (LangExtensions.TryParse(lang, out var chosen))
        {
            host.Services.GetRequiredService<UserProfileStore>().SetLanguage(session.Address.Tenant, session.Speaker, chosen);
        }

        await host.StartAsync(cancellationToken);
        var loop = host.Services.GetRequiredService<ConsoleChatLoop>();
        await loop.RunAsync(input, interactive, cancellationToken);
        await host.StopAsync(CancellationToken.None);
        return 0;
    }
}
