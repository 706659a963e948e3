using k8s.Models;
using K8sBot.Deploy.Tests.Rendering;

namespace K8sBot.Deploy.Tests.Policies;

[Collection(RenderedCollection.Name)]
public sealed class ProbePolicyTests(RenderedManifests rendered)
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_probe_hits_a_path_the_app_really_serves_on_a_declared_port(string overlay)
    {
        var routes = await AppUnderTest.RoutesAsync();
        var container = rendered.Single<V1StatefulSet>(overlay).Spec.Template.Spec.Containers.Single(c => c.Name == "k8sbot");
        var ports = container.Ports.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var probe in new[] { container.StartupProbe, container.LivenessProbe, container.ReadinessProbe })
        {
            Assert.NotNull(probe);
            Assert.Contains(probe.HttpGet.Path, routes);
            Assert.Contains(probe.HttpGet.Port.Value, ports);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Liveness_is_process_health_and_readiness_carries_adapter_state(string overlay)
    {
        var container = rendered.Single<V1StatefulSet>(overlay).Spec.Template.Spec.Containers.Single(c => c.Name == "k8sbot");

        // A Discord or Slack outage must not restart the pod (it would burn the identify budget).
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/healthz", container.StartupProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);

        // The startup probe gives a cold start at least a minute before liveness takes over.
        Assert.True(container.StartupProbe.PeriodSeconds * container.StartupProbe.FailureThreshold >= 60);
    }

    [Fact]
    public async Task The_app_serves_metrics_where_the_scrape_annotation_points()
    {
        var routes = await AppUnderTest.RoutesAsync();
        var annotations = rendered.Single<V1StatefulSet>("local").Spec.Template.Metadata.Annotations;
        Assert.Contains(annotations["prometheus.io/path"], routes);
        Assert.Equal("8080", annotations["prometheus.io/port"]);
    }
}
