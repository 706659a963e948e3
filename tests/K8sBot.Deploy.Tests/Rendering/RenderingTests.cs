using k8s;
using k8s.Models;

namespace K8sBot.Deploy.Tests.Rendering;

[Collection(RenderedCollection.Name)]
public sealed class RenderingTests(RenderedManifests rendered)
{
    [Fact]
    public void The_three_documented_overlays_exist()
    {
        Assert.Equal(["http", "local", "sharded"], Overlays.Names);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Every_overlay_renders_the_whole_bot(string overlay)
    {
        var kinds = rendered.Objects(overlay).Select(o => o.GetType()).ToHashSet();
        Assert.Contains(typeof(V1Namespace), kinds);
        Assert.Contains(typeof(V1ServiceAccount), kinds);
        Assert.Contains(typeof(V1ConfigMap), kinds);
        Assert.Contains(typeof(V1Secret), kinds);
        Assert.Contains(typeof(V1StatefulSet), kinds);
        Assert.Contains(typeof(V1Service), kinds);
        Assert.Contains(typeof(V1NetworkPolicy), kinds);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Every_rendered_object_loads_strictly_with_the_Kubernetes_client(string overlay)
    {
        var documents = rendered.Yaml(overlay).Split("\n---\n").Count(d => d.Trim().Length > 0);
        var objects = rendered.Objects(overlay);
        Assert.Equal(documents, objects.Count);
        Assert.All(objects, o => Assert.IsAssignableFrom<IKubernetesObject>(o));
    }

    [Fact]
    public void Strict_loading_rejects_a_misspelt_field()
    {
        var misspelt = rendered.Yaml("local").Replace("failureThreshold:", "failureThreshhold:", StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(misspelt, strict: true));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_rendered_object_matches_the_Kubernetes_OpenAPI_schemas(string overlay)
    {
        var result = await Tool.RunAsync("node", [Path.Combine(Repo.Validate, "validate-schemas.mjs")], stdin: rendered.Yaml(overlay));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(" 0 problems", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_validation_rejects_a_bad_quantity_and_a_bad_enum()
    {
        var broken = rendered.Yaml("local")
            .Replace("storage: 1Gi", "storage: 1Gx", StringComparison.Ordinal)
            .Replace("protocol: UDP", "protocol: UDX", StringComparison.Ordinal);
        var result = await Tool.RunAsync("node", [Path.Combine(Repo.Validate, "validate-schemas.mjs")], stdin: broken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("quantity", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("allowed values", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_secret_is_generated_from_the_example_with_every_key()
    {
        var secret = rendered.Single<V1Secret>("local");
        var keys = EnvFile.Read(Path.Combine(Repo.Deploy, "base", "secret.env.example")).Keys;
        Assert.Equal(keys.Order(StringComparer.Ordinal), secret.Data.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_real_secret_env_is_never_committed()
    {
        var ignore = File.ReadAllText(Path.Combine(Repo.Root, ".gitignore"));
        Assert.Contains("deploy/**/secret.env", ignore, StringComparison.Ordinal);
    }
}
