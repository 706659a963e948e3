using k8s;
using k8s.Models;

namespace K8sBot.Deploy.Tests.Policies;

/// <summary>deploy/ops (backup helper, restore job) is applied by hand, so it gets the same checks.</summary>
public sealed class OpsManifestTests
{
    public static TheoryData<string> Files
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Deploy, "ops"), "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Ops_manifests_load_strictly_and_match_the_schemas(string file)
    {
        await Tool.EnsureInstalledAsync();
        var text = await File.ReadAllTextAsync(Path.Combine(Repo.Deploy, "ops", file));
        Assert.NotEmpty(KubernetesYaml.LoadAllFromString(text, strict: true));
        var result = await Tool.RunAsync("node", [Path.Combine(Repo.Validate, "validate-schemas.mjs")], stdin: text);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Ops_pods_run_locked_down_on_pod_zeros_claim(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Deploy, "ops", file));
        var spec = KubernetesYaml.LoadAllFromString(text, strict: true).Single() switch
        {
            V1Pod pod => pod.Spec,
            V1Job job => job.Spec.Template.Spec,
            var other => throw new InvalidOperationException("unexpected " + other.GetType().Name),
        };

        Assert.False(spec.AutomountServiceAccountToken);
        Assert.True(spec.SecurityContext.RunAsNonRoot);
        Assert.Equal(1654, spec.SecurityContext.RunAsUser);
        Assert.Equal("RuntimeDefault", spec.SecurityContext.SeccompProfile.Type);
        Assert.Equal("data-k8sbot-0", spec.Volumes.Single(v => v.PersistentVolumeClaim is not null).PersistentVolumeClaim.ClaimName);
        Assert.All(spec.Containers, c =>
        {
            Assert.False(c.SecurityContext.AllowPrivilegeEscalation);
            Assert.True(c.SecurityContext.ReadOnlyRootFilesystem);
            Assert.Equal(["ALL"], c.SecurityContext.Capabilities.Drop);
            Assert.NotNull(c.Resources.Limits);
            Assert.DoesNotContain(":latest", c.Image, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_restore_job_replaces_the_whole_start_command()
    {
        // The image's ENTRYPOINT ends in "run": args alone would run "run restore ...".
        var job = (V1Job)KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Repo.Deploy, "ops", "restore-job.yaml")), strict: true).Single();
        var container = job.Spec.Template.Spec.Containers.Single();
        Assert.Equal(["dotnet", "k8sbot.dll", "restore", "$(SNAPSHOT)"], container.Command);
        Assert.Null(container.Args);
    }
}
