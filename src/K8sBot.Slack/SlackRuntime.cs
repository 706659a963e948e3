using K8sBot.Core.Messaging;

namespace K8sBot.Slack;

/// <summary>
/// What every part of the adapter shares at run time: the bot identity from <c>auth.test</c>, and
/// the one-way switch that stops the adapter for good (revoked token, Socket Mode disabled) while
/// the host keeps running and <c>/readyz</c> shows the reason.
/// </summary>
internal sealed class SlackRuntime(AdapterStatusBoard board)
{
    public const string AdapterName = "slack";

    private readonly TaskCompletionSource<SlackIdentity> _identity = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopped = new();
    private string? _stopReason;

    public Task<SlackIdentity> Identity => _identity.Task;

    /// <summary>Cancelled once the adapter has stopped for good.</summary>
    public CancellationToken Stopped => _stopped.Token;

    public string? StopReason => Volatile.Read(ref _stopReason);

    /// <summary>Every state reported, in order (tests and diagnostics watch it).</summary>
    public event Action<AdapterState, string?>? StateChanged;

    public void SetIdentity(SlackIdentity identity) => _identity.TrySetResult(identity);

    public void Report(AdapterState state, string? reason = null)
    {
        if (StopReason is null)
        {
            board.Report(AdapterName, state, reason);
            StateChanged?.Invoke(state, reason);
        }
    }

    /// <summary>Returns true the first time only, so the reason is logged once.</summary>
    public bool Stop(string reason)
    {
        if (Interlocked.CompareExchange(ref _stopReason, reason, null) is not null)
        {
            return false;
        }

        board.Report(AdapterName, AdapterState.Stopped, reason);
        StateChanged?.Invoke(AdapterState.Stopped, reason);
        _identity.TrySetCanceled();
        _stopped.Cancel();
        return true;
    }
}
