using System.Diagnostics;
using System.Threading.Channels;

namespace K8sBot.Tests.Support;

/// <summary>
/// A running <c>k8sbot</c> child process driven line by line: stdin stays open, stdout lines are
/// queued as they arrive, and the process can be killed with SIGKILL at any moment.
/// </summary>
internal sealed class InteractiveBot : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private InteractiveBot(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (Errors)
                {
                    Errors.Add(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public List<string> Errors { get; } = [];

    /// <summary>Every stdout line read so far by <see cref="WaitForAsync"/>.</summary>
    public IReadOnlyList<string> Seen => _seen;

    public static InteractiveBot Start(string arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = BotStartInfo.Create(arguments, environment);
        return new InteractiveBot(Process.Start(start) ?? throw new InvalidOperationException("could not start k8sbot"));
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Reads lines until one matches; fails after <paramref name="timeout"/> (default 30 s).</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cts.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    _seen.Add(line);
                    if (match(line))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"No matching line. Last lines:\n{string.Join('\n', _seen.TakeLast(30))}\nstderr:\n{string.Join('\n', Errors.TakeLast(10))}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, exactly like an OOM kill or a node failure.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Closes stdin (end of input) and waits for a clean exit.</summary>
    public async Task<int> FinishAsync()
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
