using System.CommandLine;
using K8sBot.Core.Content;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace K8sBot.Cli;

/// <summary>The <c>k8sbot</c> command line. Start-up failures become one clear line and exit code 2.</summary>
internal static class BotCli
{
    public const int StartupFailed = 2;

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("K8sBot: learn Kubernetes in Discord and Slack, in Korean and English.");
        root.Subcommands.Add(ChatCli.Create());
        root.Subcommands.Add(AskCli.Create());
        root.Subcommands.Add(ContentCli.Create());
        root.Subcommands.Add(RunCli.Create());
        root.Subcommands.Add(DailyCli.Create());
        root.Subcommands.Add(BackupCli.CreateBackup());
        root.Subcommands.Add(BackupCli.CreateRestore());
        try
        {
            // No response files: "k8sbot ask @everyone ..." is a question, not a file to read arguments from.
            var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (Unwrap(ex) is StorageUnavailableException or ContentInvalidException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"k8sbot: {Unwrap(ex).Message}");
            return StartupFailed;
        }
    }

    /// <summary>Unwraps DI's wrapping so the start-up failure the user sees is the real one.</summary>
    public static Exception Unwrap(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var current = ex;
        while (current is not (StorageUnavailableException or ContentInvalidException or OptionsValidationException) && current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current is StorageUnavailableException or ContentInvalidException or OptionsValidationException ? current : ex;
    }
}
