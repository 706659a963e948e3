using System.Diagnostics;

namespace K8sBot.Tests.Support;

/// <summary>Runs the real <c>k8sbot</c> as a child process with piped stdin, as a user would.</summary>
internal static class BotProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string arguments, string stdin, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = BotStartInfo.Create(arguments, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start k8sbot");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
