using System.Text;

namespace K8sBot.Tests.Quiz;

/// <summary>A writer tests can await: "until the output says X", instead of sleeping.</summary>
internal sealed class ObservableWriter : StringWriter
{
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? string.Empty);

    public override void WriteLine(string? value) => Append((value ?? string.Empty) + "\n");

    /// <summary>Waits until the output contains <paramref name="text"/> at least <paramref name="times"/> times.</summary>
    public Task WaitForAsync(string text, int times = 1)
    {
        bool Done(string all) => Count(all, text) >= times;
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (Done(_text.ToString()))
            {
                return Task.CompletedTask;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Done, signal));
        }

        return signal.Task.WaitAsync(TimeSpan.FromSeconds(15)).ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    throw new TimeoutException($"Output never contained '{text}' ×{times}. Output was:\n{Text}");
                }
            },
            TaskScheduler.Default);
    }

    public static int Count(string all, string text)
    {
        var count = 0;
        for (var i = all.IndexOf(text, StringComparison.Ordinal); i >= 0; i = all.IndexOf(text, i + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private void Append(string value)
    {
        lock (_gate)
        {
            _text.Append(value);
            var all = _text.ToString();
            foreach (var waiter in _waiters.Where(w => w.Done(all)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }
}
