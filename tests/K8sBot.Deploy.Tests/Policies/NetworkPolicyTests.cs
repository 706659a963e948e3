using k8s.Models;
using K8sBot.Deploy.Tests.Rendering;

namespace K8sBot.Deploy.Tests.Policies;

[Collection(RenderedCollection.Name)]
public sealed class NetworkPolicyTests(RenderedManifests rendered)
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void The_policy_selects_the_bot_and_restricts_both_directions(string overlay)
    {
        var policy = rendered.Single<V1NetworkPolicy>(overlay);
        var podLabels = rendered.Single<V1StatefulSet>(overlay).Spec.Template.Metadata.Labels;
        Assert.All(policy.Spec.PodSelector.MatchLabels, kv => Assert.Equal(kv.Value, podLabels[kv.Key]));
        Assert.Equal(["Egress", "Ingress"], policy.Spec.PolicyTypes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Egress_allows_only_dns_and_https(string overlay)
    {
        var ports = rendered.Single<V1NetworkPolicy>(overlay).Spec.Egress
            .SelectMany(rule => rule.Ports ?? throw new InvalidOperationException("an egress rule without ports allows everything"))
            .Select(p => $"{p.Protocol}/{p.Port.Value}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["TCP/443", "TCP/53", "UDP/53"], ports);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Https_egress_excludes_private_ranges_and_cloud_metadata(string overlay)
    {
        var https = rendered.Single<V1NetworkPolicy>(overlay).Spec.Egress.Single(r => r.Ports.Any(p => p.Port.Value == "443"));
        var block = Assert.Single(https.To).IpBlock;
        Assert.Equal("0.0.0.0/0", block.Cidr);
        Assert.Contains("169.254.0.0/16", block.Except);
        Assert.Contains("10.0.0.0/8", block.Except);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Ingress_reaches_only_the_http_port_and_only_from_the_ingress_controller_namespace(string overlay)
    {
        var rule = Assert.Single(rendered.Single<V1NetworkPolicy>(overlay).Spec.Ingress);
        var port = Assert.Single(rule.Ports);
        Assert.Equal("8080", port.Port.Value);
        var peer = Assert.Single(rule.FromProperty);
        Assert.Null(peer.IpBlock);
        Assert.Null(peer.PodSelector);
        Assert.Equal("ingress-nginx", peer.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);

        var containerPort = rendered.Single<V1StatefulSet>(overlay).Spec.Template.Spec.Containers.Single().Ports.Single(p => p.Name == "http");
        Assert.Equal(8080, containerPort.ContainerPort);
    }
}
