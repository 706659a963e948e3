namespace K8sBot.Deploy.Tests;

/// <summary>Reads a kustomize env file (KEY=VALUE lines, # comments) the way kustomize does.</summary>
internal static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            values[line[..eq]] = line[(eq + 1)..];
        }

        return values;
    }
}
