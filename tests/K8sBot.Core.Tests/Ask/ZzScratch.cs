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

        foreach (var v in new[] { 7f, 8f, 9f, 10f, 11f })
        {
            variants.Add(($"NameBonus={v}", baseSettings with { NameBonus = v }));
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

public sealed class ZzDump(ITestOutputHelper output)
{
    [Fact]
    public void Scratch_dumps()
    {
        var loaded = ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content"));
        var engine = new CatalogAskEngine(loaded.Catalog, K8sBot.Core.Ask.Retrieval.RetrievalSettings.Default with { MinCoverage = 0f, MinScore = 0f });
        foreach (var file in new[] { "ask-eval.tsv", "ask-heldout.tsv" })
        {
            foreach (var c in AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", file)))
            {
                var a = engine.Answer(c.Question, c.Lang);
                var explain = engine.Explain(c.Question).Split('\n');
                var names = explain[1];
                if (names != "names: ")
                {
                    continue;
                }

                var top = explain.First(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("    ", StringComparison.Ordinal)).Trim();
                var ok = c.MustDecline ? "DECL" : (a.Concepts.Count > 0 && c.Acceptable.Contains(a.Concepts[0]) ? "GOOD" : "WRONG");
                output.WriteLine($"DUMP {ok} {file[4..8]} b{c.Batch} {top} | {c.Question}");
            }
        }
    }
}
