namespace K8sBot.Deploy.Tests.Rendering;

/// <summary>Every folder under deploy/overlays, as xunit theory data.</summary>
public static class Overlays
{
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.GetDirectories(Path.Combine(Repo.Deploy, "overlays")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Names)
            {
                data.Add(name);
            }

            return data;
        }
    }
}
