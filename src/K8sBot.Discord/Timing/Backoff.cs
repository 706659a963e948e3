namespace K8sBot.Discord.Timing;

/// <summary>Exponential backoff with jitter, so many pods never retry in lockstep.</summary>
internal static class Backoff
{
    public static TimeSpan For(int attempt, TimeSpan first, TimeSpan max)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 16);
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, exponent));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
#pragma warning restore CA5394
    }

    public static double Jitter()
    {
#pragma warning disable CA5394 // jitter, not security
        return Random.Shared.NextDouble();
#pragma warning restore CA5394
    }
}
