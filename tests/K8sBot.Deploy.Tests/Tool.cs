using System.Diagnostics;

namespace K8sBot.Deploy.Tests;

/// <summary>Runs a command-line tool to completion with a timeout; output is captured for assertions.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string? stdin = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repo.Root,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static readonly Lazy<Task<Result?>> Install = new(InstallAsync);

    /// <summary>Runs deploy/validate/install-tools.sh once per test run when kubectl or the npm packages are missing.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (await Install.Value is { ExitCode: not 0 } failed)
        {
            throw new InvalidOperationException("deploy/validate/install-tools.sh failed; kubectl and the npm packages in deploy/validate are needed.\n" + failed);
        }
    }

    private static async Task<Result?> InstallAsync()
    {
        var ready = FindKubectl() is not null
            && Directory.Exists(Path.Combine(Repo.Validate, "node_modules", "kubernetes-models"))
            && Directory.Exists(Path.Combine(Repo.Validate, "node_modules", "dockerfilelint"))
            && Directory.Exists(Path.Combine(Repo.Validate, "node_modules", "dockerfile-utils"));
        return ready ? null : await RunAsync("bash", [Path.Combine(Repo.Validate, "install-tools.sh")], timeout: TimeSpan.FromMinutes(5));
    }

    /// <summary>kubectl from PATH, else the one deploy/validate/install-tools.sh put in .tools/.</summary>
    public static string? FindKubectl()
    {
        var fromEnv = Environment.GetEnvironmentVariable("K8SBOT_KUBECTL");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv))
        {
            return fromEnv;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "kubectl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var local = Path.Combine(Repo.Validate, ".tools", "kubectl");
        return File.Exists(local) ? local : null;
    }
}
