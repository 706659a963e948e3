namespace K8sBot.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder with K8sBot.sln), found from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>The bot as built next to the tests (a project reference copies it here).</summary>
    public static string BotAssembly => Path.Combine(AppContext.BaseDirectory, "k8sbot.dll");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "K8sBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("K8sBot.sln not found above " + AppContext.BaseDirectory);
    }
}
