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

public sealed class ZzSweep(ITestOutputHelper output)
{
    [Fact]
    public void Scratch_sweeps()
    {
        var loaded = ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content"));
        var eval = AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", "ask-eval.tsv"));
        var held = AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", "ask-heldout.tsv"));
        var baseSettings = K8sBot.Core.Ask.Retrieval.RetrievalSettings.Default;
        var variants = new List<(string, K8sBot.Core.Ask.Retrieval.RetrievalSettings)>();
        foreach (var v in new[] { 0.25f, 0.3f, 0.33f, 0.35f, 0.38f, 0.4f, 0.43f, 0.45f })
        {
            variants.Add(($"MinCoverage={v}", baseSettings with { MinCoverage = v }));
        }

        foreach (var v in new[] { 5f, 6f, 7f, 8f, 9f })
        {
            variants.Add(($"MinScore={v}", baseSettings with { MinScore = v }));
        }

        foreach (var v in new[] { 0f, 0.15f, 0.3f, 0.5f, 1f })
        {
            variants.Add(($"Weak={v}", baseSettings with { WeakUnknownFactor = v }));
        }

        foreach (var v in new[] { 4f, 6f, 8f, 10f })
        {
            variants.Add(($"NameBonus={v}", baseSettings with { NameBonus = v }));
        }

        foreach (var v in new[] { 4f, 5f, 6f, 7f, 8f })
        {
            variants.Add(($"RestScore={v}", baseSettings with { RestScore = v }));
        }

        foreach (var v in new[] { 1, 2, 3 })
        {
            variants.Add(($"MinRestWords={v}", baseSettings with { MinRestWords = v }));
        }

        foreach (var (name, settings) in variants)
        {
            var engine = new CatalogAskEngine(loaded.Catalog, settings);
            var e = AskEvalSet.Run(engine, eval);
            var h = AskEvalSet.Run(engine, held);
            var hb = h.Results.GroupBy(r => r.Case.Batch).Select(g => $"b{g.Key}={g.Count(r => r.Correct)}/{g.Count()}");
            output.WriteLine($"{name,-22} eval={e.Results.Count(r => r.Correct)}/{e.Results.Count} held {string.Join(" ", hb)} oos-e={e.Results.Count(r => r.Correct && r.Case.MustDecline)} oos-h={h.Results.Count(r => r.Correct && r.Case.MustDecline)}");
        }
    }
}
