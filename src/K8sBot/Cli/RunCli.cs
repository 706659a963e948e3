using System.CommandLine;
using K8sBot.Hosting;

namespace K8sBot.Cli;

internal static class RunCli
{
    public static Command Create()
    {
        var command = new Command("run", "Run the bot: every adapter whose credentials are configured, plus /healthz, /readyz");
        command.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                return await RunHost.RunAsync([], cancellationToken);
            }
            catch (Exception ex) when (BotCli.Unwrap(ex) is var inner && !ReferenceEquals(inner, ex))
            {
                throw inner;
            }
        });
        return command;
    }
}
