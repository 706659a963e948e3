using System.Globalization;

namespace K8sBot.Benchmarks.Daily;

internal sealed record BroadcastResult(int Channels, int Concurrency, TimeSpan Wall, TimeSpan Floor, int GlobalLimited, int ChannelLimited)
{
    public double Ratio => Wall / Floor;

    /// <summary>The round figure: channels / 50 per second.</summary>
    public TimeSpan Nominal => TimeSpan.FromSeconds(Channels / 50.0);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"// daily-broadcast: {Channels} channels, concurrency {Concurrency}, wall {Wall.TotalSeconds:F2} s, floor {Floor.TotalSeconds:F2} s, ratio {Ratio:F3} (vs {Nominal.TotalSeconds:F0} s: {Wall / Nominal:F3}), 429s {GlobalLimited + ChannelLimited} (global {GlobalLimited}, channel {ChannelLimited})");
}
