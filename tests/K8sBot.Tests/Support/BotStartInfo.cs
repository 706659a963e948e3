using System.Diagnostics;

namespace K8sBot.Tests.Support;

/// <summary>How tests start the real bot: <c>dotnet k8sbot.dll</c> from the test output, on the repository's content.</summary>
internal static class BotStartInfo
{
    public static ProcessStartInfo Create(string arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{RepositoryPaths.BotAssembly}\" {arguments}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["Content__Path"] = RepositoryPaths.Content;
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
