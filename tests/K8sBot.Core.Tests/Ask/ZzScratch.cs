using K8sBot.Core.Ask;
using K8sBot.Core.Content;
using Xunit.Abstractions;

namespace K8sBot.Core.Tests.Ask;

public sealed class ZzScratch(ITestOutputHelper output)
{
    [Fact]
    public void Scratch_explains()
    {
        var path = "/tmp/askgen/q.txt";
        Assert.True(File.Exists(path));
        var loaded = ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content"));
        var engine = new CatalogAskEngine(loaded.Catalog);
        foreach (var q in File.ReadLines(path).Where(l => l.Length > 0))
        {
            var a = engine.Answer(q, Localization.Lang.Ko);
            output.WriteLine($"Q: {q} -> [{string.Join(",", a.Concepts)}] {a.Outcome} {a.Confidence}");
            output.WriteLine(engine.Explain(q));
        }
    }
}
