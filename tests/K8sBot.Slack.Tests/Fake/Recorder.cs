namespace K8sBot.Slack.Tests.Fake;

/// <summary>Collects things as they happen and lets a test await "at least N matching" without polling.</summary>
internal sealed class Recorder<T>
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, int Count, TaskCompletionSource<IReadOnlyList<T>> Done)> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var waiter = _waiters[i];
                var matches = _items.Where(waiter.Match).ToList();
                if (matches.Count >= waiter.Count)
                {
                    _waiters.RemoveAt(i);
                    waiter.Done.TrySetResult(matches);
                }
            }
        }
    }

    public Task<IReadOnlyList<T>> WaitAsync(Func<T, bool>? match = null, int count = 1)
    {
        match ??= _ => true;
        lock (_gate)
        {
            var matches = _items.Where(match).ToList();
            if (matches.Count >= count)
            {
                return Task.FromResult<IReadOnlyList<T>>(matches);
            }

            var done = new TaskCompletionSource<IReadOnlyList<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, done));
            return done.Task.WaitAsync(Timeout);
        }
    }

    public async Task<T> FirstAsync(Func<T, bool>? match = null) => (await WaitAsync(match))[0];
}
