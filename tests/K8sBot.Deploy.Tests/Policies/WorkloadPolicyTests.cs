using k8s.Models;
using K8sBot.Deploy.Tests.Rendering;

namespace K8sBot.Deploy.Tests.Policies;

/// <summary>The rendered StatefulSet is locked down the way the deploy docs promise, in every overlay.</summary>
[Collection(RenderedCollection.Name)]
public sealed class WorkloadPolicyTests(RenderedManifests rendered)
{
    private const long AppUid = 1654;

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void The_pod_runs_as_the_images_non_root_user_with_runtime_default_seccomp(string overlay)
    {
        var pod = Pod(overlay);
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(AppUid, pod.SecurityContext.RunAsUser);
        Assert.Equal(AppUid, pod.SecurityContext.FsGroup);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.False(pod.AutomountServiceAccountToken);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Every_container_is_locked_down(string overlay)
    {
        Assert.All(Pod(overlay).Containers, c =>
        {
            var sc = c.SecurityContext;
            Assert.True(sc.RunAsNonRoot, c.Name);
            Assert.False(sc.AllowPrivilegeEscalation, c.Name);
            Assert.NotEqual(true, sc.Privileged);
            Assert.True(sc.ReadOnlyRootFilesystem, c.Name);
            Assert.Equal(["ALL"], sc.Capabilities.Drop);
            Assert.True(sc.Capabilities.Add is null || sc.Capabilities.Add.Count == 0);
            Assert.Equal("RuntimeDefault", sc.SeccompProfile.Type);
        });
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Only_data_and_tmp_are_writable_and_data_is_a_per_pod_claim(string overlay)
    {
        var set = rendered.Single<V1StatefulSet>(overlay);
        var container = Bot(overlay);
        var mounts = container.VolumeMounts.ToDictionary(m => m.MountPath, m => m.Name);
        Assert.Equal(["/data", "/tmp"], mounts.Keys.Order(StringComparer.Ordinal));

        var claim = Assert.Single(set.Spec.VolumeClaimTemplates);
        Assert.Equal(mounts["/data"], claim.Metadata.Name);
        Assert.Equal(["ReadWriteOnce"], claim.Spec.AccessModes);

        var tmp = set.Spec.Template.Spec.Volumes.Single(v => v.Name == mounts["/tmp"]);
        Assert.NotNull(tmp.EmptyDir);
        Assert.NotNull(tmp.EmptyDir.SizeLimit);

        var storagePath = ConfigValue(overlay, "Storage__Path");
        Assert.StartsWith("/data/", storagePath, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Cpu_and_memory_requests_and_limits_are_set(string overlay)
    {
        var resources = Bot(overlay).Resources;
        foreach (var key in new[] { "cpu", "memory" })
        {
            Assert.True(resources.Requests.ContainsKey(key), "request " + key);
            Assert.True(resources.Limits.ContainsKey(key), "limit " + key);
            Assert.True(resources.Requests[key].ToDecimal() <= resources.Limits[key].ToDecimal(), key + " request exceeds its limit");
        }

        // The GC caps the heap at 75% of the limit; below ~200Mi the runtime itself barely fits.
        Assert.True(resources.Limits["memory"].ToDecimal() >= 200m * 1024 * 1024);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Images_are_pinned_never_latest(string overlay)
    {
        Assert.All(Pod(overlay).Containers, c =>
        {
            var tag = c.Image.Contains('@', StringComparison.Ordinal) ? "digest" : c.Image[(c.Image.LastIndexOf(':') + 1)..];
            Assert.True(c.Image.Contains(':', StringComparison.Ordinal), $"{c.Image} has no tag");
            Assert.NotEqual("latest", tag);
            Assert.NotEqual("Always", c.ImagePullPolicy);
        });
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void The_grace_period_outlasts_the_hosts_shutdown_timeout(string overlay)
    {
        var hostShutdown = new HostOptions().ShutdownTimeout;
        Assert.True(Pod(overlay).TerminationGracePeriodSeconds > hostShutdown.TotalSeconds);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Settings_come_from_the_generated_config_map_and_secret(string overlay)
    {
        var container = Bot(overlay);
        var configMap = rendered.Single<V1ConfigMap>(overlay);
        var secret = rendered.Single<V1Secret>(overlay);
        Assert.Contains(container.EnvFrom, e => e.ConfigMapRef?.Name == configMap.Metadata.Name);
        Assert.Contains(container.EnvFrom, e => e.SecretRef?.Name == secret.Metadata.Name);
        Assert.All(configMap.Data.Keys.Concat(secret.Data.Keys), k => Assert.Matches("^[A-Za-z]+(__[A-Za-z]+)+$", k));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void The_pod_ordinal_comes_from_the_pod_index_label(string overlay)
    {
        var env = Bot(overlay).Env.Single(e => e.Name == "POD_INDEX");
        Assert.Equal("metadata.labels['apps.kubernetes.io/pod-index']", env.ValueFrom.FieldRef.FieldPath);
        Assert.Equal("0", Bot(overlay).Env.Single(e => e.Name == "DOTNET_gcServer").Value);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void The_service_account_has_no_token_and_the_headless_service_backs_the_set(string overlay)
    {
        var set = rendered.Single<V1StatefulSet>(overlay);
        var account = rendered.Single<V1ServiceAccount>(overlay);
        Assert.False(account.AutomountServiceAccountToken);
        Assert.Equal(account.Metadata.Name, set.Spec.Template.Spec.ServiceAccountName);

        var headless = rendered.Objects(overlay).OfType<V1Service>().Single(s => s.Metadata.Name == set.Spec.ServiceName);
        Assert.Equal("None", headless.Spec.ClusterIP);
        Assert.All(headless.Spec.Selector, kv => Assert.Equal(kv.Value, set.Spec.Template.Metadata.Labels[kv.Key]));
    }

    internal V1PodSpec Pod(string overlay) => rendered.Single<V1StatefulSet>(overlay).Spec.Template.Spec;

    internal V1Container Bot(string overlay) => Pod(overlay).Containers.Single(c => c.Name == "k8sbot");

    private string ConfigValue(string overlay, string key) => rendered.Single<V1ConfigMap>(overlay).Data[key];
}
