using System.Text.RegularExpressions;

namespace K8sBot.Deploy.Tests.Image;

public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Repo.Dockerfile);

    [Fact]
    public async Task The_Dockerfile_passes_dockerfile_utils_and_dockerfilelint()
    {
        await EnsureNodePackagesAsync();
        var result = await Tool.RunAsync("node", [Path.Combine(Repo.Validate, "lint-dockerfile.mjs"), Repo.Dockerfile]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(": 0 problems", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_linters_catch_a_latest_tag_and_a_duplicate_entrypoint()
    {
        await EnsureNodePackagesAsync();
        var bad = Path.Combine(Directory.CreateTempSubdirectory("k8sbot-docker-").FullName, "Dockerfile");
        await File.WriteAllTextAsync(bad, "FROM ubuntu:latest\nCMD a\nCMD b\n");
        var result = await Tool.RunAsync("node", [Path.Combine(Repo.Validate, "lint-dockerfile.mjs"), bad]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("latest", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CMD", result.Stderr, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(bad)!, recursive: true);
    }

    [Fact]
    public void The_runtime_is_the_chiseled_image_that_keeps_icu_and_tzdata()
    {
        var froms = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, froms.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", froms[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra ", froms[1], StringComparison.Ordinal);
        Assert.All(froms, f => Assert.DoesNotContain(":latest", f, StringComparison.Ordinal));
    }

    [Fact]
    public void The_container_runs_k8sbot_run_as_the_non_root_app_user()
    {
        Assert.Equal("USER 1654", Lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"k8sbot.dll\", \"run\"]", Lines.Last(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        Assert.Contains("EXPOSE 8080", Lines);
        Assert.Contains("VOLUME [\"/data\"]", Lines);
    }

    [Fact]
    public void The_image_keeps_the_database_on_the_volume_and_uses_workstation_gc()
    {
        var text = string.Join('\n', Lines);
        Assert.Contains("Storage__Path=/data/k8sbot.db", text, StringComparison.Ordinal);
        Assert.Contains("DOTNET_gcServer=0", text, StringComparison.Ordinal);
        Assert.Contains("Logging__Console__FormatterName=json", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Token", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_runs_on_project_files_only_and_every_source_project_is_in_that_layer()
    {
        var restore = Array.FindIndex(Lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var copySources = Array.FindIndex(Lines, l => l == "COPY src/ src/");
        Assert.True(restore > 0 && copySources > restore, "restore must come before the sources are copied");

        var copiedProjects = Lines.Take(restore)
            .Select(l => CopyProject().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var projects = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repo.Root, p).Replace('\\', '/'));
        Assert.All(projects, p => Assert.Contains(p, copiedProjects));
    }

    [Fact]
    public void The_build_context_leaves_out_secrets_local_state_and_build_output()
    {
        var ignore = File.ReadAllLines(Path.Combine(Repo.Root, ".dockerignore"));
        Assert.Contains("**/secret.env", ignore);
        Assert.Contains("**/*.db", ignore);
        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
        Assert.Contains(".git/", ignore);
    }

    private static Task EnsureNodePackagesAsync() => Tool.EnsureInstalledAsync();

    [GeneratedRegex(@"^COPY (src/[^ ]+\.csproj) ")]
    private static partial Regex CopyProject();
}
