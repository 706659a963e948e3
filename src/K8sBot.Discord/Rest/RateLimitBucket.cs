using System.Globalization;
using K8sBot.Discord.Timing;

namespace K8sBot.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket (hash + major parameter). Requests in a bucket go one at a time,
/// so the remaining count read from the last response is always current.
/// </summary>
internal sealed class RateLimitBucket
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int? _remaining;
    private DateTimeOffset _resetAt;

    public DateTimeOffset LastUsed { get; private set; }

    public bool InUse => _gate.CurrentCount == 0;

    public async Task AcquireAsync(Pacer pacer, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = pacer.Now;
            LastUsed = now;
            if (_remaining is 0 && _resetAt > now)
            {
                await pacer.DelayAsync(_resetAt - now, "bucket", cancellationToken);
                _remaining = null;
            }
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    public void Release() => _gate.Release();

    public void Update(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (Header(response, "X-RateLimit-Remaining") is { } remaining && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left))
        {
            _remaining = left;
        }

        if (Header(response, "X-RateLimit-Reset-After") is { } after && double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            _resetAt = now + TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>After a bucket 429: nothing more in this bucket until <paramref name="wait"/> has passed.</summary>
    public void Block(TimeSpan wait, DateTimeOffset now)
    {
        _remaining = 0;
        _resetAt = now + wait;
    }

    public static string? Header(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
