using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using K8sBot.Core.Storage.Backup;

namespace K8sBot.Deploy.Tests.Startup;

/// <summary>
/// The image's start command (<c>dotnet k8sbot.dll run</c> with the image's environment) run as a
/// real process, /data pointing at a temp folder: ready, metrics, JSON logs, clean SIGTERM exit.
/// </summary>
public sealed class ContainerStartTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("k8sbot-start-");

    [Fact]
    public async Task The_start_command_serves_ready_and_metrics_and_stops_cleanly_on_sigterm()
    {
        var port = FreePort();
        var database = Path.Combine(_data.FullName, "k8sbot.db");
        using var process = StartAsTheImageDoes(database, port);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            stdout.Enqueue(e.Data);
            if (e.Data.Contains("Now listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await Task.WhenAny(listening.Task, process.WaitForExitAsync()).WaitAsync(Patience);
            Assert.True(listening.Task.IsCompleted, "the app did not start listening:\n" + string.Join('\n', stdout.Concat(stderr)));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
            using (var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                Assert.StartsWith("ready", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var healthy = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            }

            var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Contains("k8sbot_content_concepts{", metrics, StringComparison.Ordinal);
            Assert.Contains("k8sbot_db_size_bytes{", metrics, StringComparison.Ordinal);
            Assert.Contains("k8sbot_backup_snapshots{", metrics, StringComparison.Ordinal);
            Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);

            await SignalAsync(process.Id, "TERM");
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Empty(stderr);
        Assert.All(stdout, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(stdout, l => l.Contains("Application is shutting down", StringComparison.Ordinal));

        // Shutdown checkpointed LiteDB: the data file alone holds everything.
        Assert.True(File.Exists(database));
        var log = DatabaseSnapshot.LogFileOf(database);
        Assert.True(!File.Exists(log) || new FileInfo(log).Length == 0, "the LiteDB log was not checkpointed on SIGTERM");
        DatabaseSnapshot.Verify(database);
    }

    public void Dispose() => _data.Delete(recursive: true);

    private static Process StartAsTheImageDoes(string database, int port)
    {
        Assert.True(File.Exists(Repo.AppDll), $"build src/K8sBot first: {Repo.AppDll} is missing");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Repo.AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Repo.AppDll);
        info.ArgumentList.Add("run");

        // The Dockerfile's ENV, with /data and /app/content moved to places that exist here.
        info.Environment["Storage__Path"] = database;
        info.Environment["Content__Path"] = Repo.FixtureContent;
        info.Environment["urls"] = $"http://127.0.0.1:{port}";
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["Logging__Console__FormatterName"] = "json";
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("Slack__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        var result = await Tool.RunAsync("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
