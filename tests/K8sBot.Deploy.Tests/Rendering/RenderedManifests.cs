using k8s;

namespace K8sBot.Deploy.Tests.Rendering;

/// <summary>
/// Renders every overlay once per test run with the real <c>kubectl kustomize</c>. secret.env is
/// never committed, so rendering happens in a temporary copy of deploy/ where it is made from
/// secret.env.example: the example is then proven to carry every key the generator needs.
/// Missing tools are installed by deploy/validate/install-tools.sh (npm registry only).
/// </summary>
public sealed class RenderedManifests : IAsyncLifetime
{
    private readonly Dictionary<string, string> _yaml = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<object>> _objects = new(StringComparer.Ordinal);
    private string _work = string.Empty;

    public string Kubectl { get; private set; } = string.Empty;

    public string Yaml(string overlay) => _yaml[overlay];

    public IReadOnlyList<object> Objects(string overlay) => _objects[overlay];

    public T Single<T>(string overlay) => Objects(overlay).OfType<T>().Single();

    public async Task InitializeAsync()
    {
        await Tool.EnsureInstalledAsync();
        Kubectl = Tool.FindKubectl() ?? throw new InvalidOperationException("kubectl is not on PATH and deploy/validate/install-tools.sh did not provide one");
        _work = Directory.CreateTempSubdirectory("k8sbot-deploy-").FullName;
        CopyTree(Path.Combine(Repo.Deploy, "base"), Path.Combine(_work, "base"));
        CopyTree(Path.Combine(Repo.Deploy, "overlays"), Path.Combine(_work, "overlays"));
        File.Copy(Path.Combine(_work, "base", "secret.env.example"), Path.Combine(_work, "base", "secret.env"), overwrite: true);

        foreach (var overlay in Overlays.Names)
        {
            var result = await Tool.RunAsync(Kubectl, ["kustomize", Path.Combine(_work, "overlays", overlay)]);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize deploy/overlays/{overlay} failed:\n{result}");
            }

            _yaml[overlay] = result.Stdout;
            _objects[overlay] = KubernetesYaml.LoadAllFromString(result.Stdout, strict: true);
        }
    }

    public Task DisposeAsync()
    {
        if (_work.Length > 0 && Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            // A developer's real secret.env must never leak into a test copy.
            if (Path.GetFileName(file) != "secret.env")
            {
                File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RenderedCollection : ICollectionFixture<RenderedManifests>
{
    public const string Name = "rendered manifests";
}
