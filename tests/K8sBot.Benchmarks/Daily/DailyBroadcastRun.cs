using System.Globalization;

namespace K8sBot.Benchmarks.Daily;

/// <summary>
/// <c>-- broadcast [channels]</c>: one daily broadcast (default 2,000 channels, the figure),
/// after a 100-channel warm-up so JIT and connection set-up are not in the measured run.
/// </summary>
internal static class DailyBroadcastRun
{
    public static async Task RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var channels = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        await using (var warmup = await DailyBroadcast.CreateAsync(100))
        {
            await output.WriteLineAsync("warm-up " + await warmup.RunAsync());
        }

        await using var broadcast = await DailyBroadcast.CreateAsync(channels);
        await output.WriteLineAsync((await broadcast.RunAsync()).ToString());
    }
}
