using k8s.Models;
using K8sBot.Deploy.Tests.Rendering;

namespace K8sBot.Deploy.Tests.Policies;

[Collection(RenderedCollection.Name)]
public sealed class OverlayTests(RenderedManifests rendered)
{
    [Fact]
    public void Local_runs_one_pod_with_nothing_inbound()
    {
        Assert.Equal(1, rendered.Single<V1StatefulSet>("local").Spec.Replicas);
        Assert.Empty(rendered.Objects("local").OfType<V1Ingress>());
    }

    [Fact]
    public void Http_exposes_only_the_platform_endpoints_over_tls()
    {
        var ingress = rendered.Single<V1Ingress>("http");
        var host = Assert.Single(Assert.Single(ingress.Spec.Tls).Hosts);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal(host, rule.Host);
        var paths = rule.Http.Paths.Select(p => $"{p.PathType} {p.Path}").Order(StringComparer.Ordinal);
        Assert.Equal(["Exact /discord/interactions", "Prefix /slack"], paths);

        var service = rendered.Objects("http").OfType<V1Service>().Single(s => s.Metadata.Name == rule.Http.Paths[0].Backend.Service.Name);
        Assert.NotEqual("None", service.Spec.ClusterIP);
        Assert.Equal("http", service.Spec.Ports.Single().TargetPort.Value);
    }

    [Fact]
    public void Sharded_shard_count_matches_the_replica_count_and_slack_stays_on_pod_zero()
    {
        var set = rendered.Single<V1StatefulSet>("sharded");
        var config = rendered.Single<V1ConfigMap>("sharded").Data;
        Assert.True(set.Spec.Replicas > 1);
        Assert.Equal(set.Spec.Replicas.ToString(), config["Discord__ShardCount"]);
        Assert.Equal("auto", config["Discord__ShardId"]);
        Assert.Equal("0", config["Sharding__SlackPodIndex"]);

        // Ordered start spaces out Discord identifies; every pod keeps its own volume on scale-down.
        Assert.Equal("OrderedReady", set.Spec.PodManagementPolicy);
        Assert.Equal("Retain", set.Spec.PersistentVolumeClaimRetentionPolicy.WhenScaled);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("http")]
    public void Unsharded_overlays_do_not_shard(string overlay)
    {
        var config = rendered.Single<V1ConfigMap>(overlay).Data;
        Assert.False(config.ContainsKey("Discord__ShardCount"));
        Assert.Equal(1, rendered.Single<V1StatefulSet>(overlay).Spec.Replicas);
    }
}
