using System.Reflection;

namespace K8sBot.Deploy.Tests;

/// <summary>Paths in the repository these tests read (deploy/, Dockerfile, the built app).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string Validate => Path.Combine(Deploy, "validate");

    public static string Dockerfile => Path.Combine(Root, "Dockerfile");

    public static string FixtureContent => Path.Combine(AppContext.BaseDirectory, "Fixtures", "content");

    /// <summary>The app as built with this test project (same configuration), run as the image runs it.</summary>
    public static string AppDll
    {
        get
        {
            var configuration = typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(Root, "src", "K8sBot", "bin", configuration, "net10.0", "k8sbot.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "K8sBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("K8sBot.sln not found above " + AppContext.BaseDirectory);
    }
}
