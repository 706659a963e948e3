using K8sBot.Core.Messaging;

namespace K8sBot.Discord.Status;

/// <summary>
/// The adapter's state on the <see cref="AdapterStatusBoard"/>. Once stopped (bad token, fatal close
/// code) it stays stopped: nothing retries, the host keeps serving and <c>/readyz</c> says why.
/// </summary>
internal sealed class DiscordStatus(AdapterStatusBoard board)
{
    public const string Adapter = "discord";

    private readonly CancellationTokenSource _stopped = new();
    private int _stop;

    public bool IsStopped => Volatile.Read(ref _stop) == 1;

    /// <summary>Cancelled when the adapter stops for good.</summary>
    public CancellationToken StoppedToken => _stopped.Token;

    public string? Reason { get; private set; }

    /// <summary>Every state reported, in order (tests wait on it instead of polling).</summary>
    public event Action<AdapterState>? Changed;

    public void Report(AdapterState state, string? reason = null)
    {
        if (!IsStopped)
        {
            board.Report(Adapter, state, reason);
            Changed?.Invoke(state);
        }
    }

    /// <summary>Returns true only for the first call, so the caller logs the reason once.</summary>
    public bool Stop(string reason)
    {
        if (Interlocked.Exchange(ref _stop, 1) == 1)
        {
            return false;
        }

        Reason = reason;
        board.Report(Adapter, AdapterState.Stopped, reason);
        _stopped.Cancel();
        Changed?.Invoke(AdapterState.Stopped);
        return true;
    }
}
