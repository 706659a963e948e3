using System.Diagnostics;
using K8sBot.Core.Ask;
using K8sBot.Core.Content;
using K8sBot.Core.Tests.Ask;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace K8sBot.Benchmarks.Ask;

/// <summary>Prints the accuracy tables of docs/ask.md: the BM25F engine against Lucene analyzers on the evaluation and held-out sets.</summary>
internal static class AskComparison
{
    public static void Run()
    {
        var catalog = LoadCatalog();
        foreach (var set in new[] { "ask-eval.tsv", "ask-heldout.tsv" })
        {
            Run(catalog, set);
        }
    }

    /// <summary>One table per set: the tuned-on evaluation set, then the held-out batches.</summary>
    private static void Run(ContentCatalog catalog, string set)
    {
        var cases = AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", set));
        Console.WriteLine();
        Console.WriteLine($"{set}: {cases.Count} questions, {catalog.Concepts.Count} concepts");
        Console.WriteLine("| approach | overall | ko | en | definition | comparison | scenario | typo | abbreviation | mixed | noise | out-of-scope | build ms | µs/question |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");

        var build = Stopwatch.StartNew();
        var engine = new CatalogAskEngine(catalog);
        Row("BM25F + names + Korean morphology (shipped)", engine, cases, build.Elapsed.TotalMilliseconds);

        foreach (var (name, factory) in new (string, Func<Analyzer>)[]
        {
            ("Lucene.Net 4.8 BM25, CJKAnalyzer", () => new CJKAnalyzer(LuceneVersion.LUCENE_48)),
            ("Lucene.Net 4.8 BM25, StandardAnalyzer", () => new StandardAnalyzer(LuceneVersion.LUCENE_48)),
        })
        {
            build.Restart();
            using var lucene = new LuceneAskEngine(catalog, factory());
            var ms = build.Elapsed.TotalMilliseconds;
            lucene.Threshold = BestThreshold(lucene, cases);
            Row($"{name} (decline threshold {lucene.Threshold:0.0}, best on the set)", lucene, cases, ms);
        }
    }

    internal static ContentCatalog LoadCatalog()
    {
        var loaded = ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content"));
        return loaded.Problems.Count == 0 ? loaded.Catalog : throw new InvalidOperationException(loaded.Problems[0].ToString());
    }

    /// <summary>The decline threshold that maximises Lucene's accuracy on this very set: an upper bound for it.</summary>
    private static float BestThreshold(LuceneAskEngine lucene, IReadOnlyList<AskEvalCase> cases)
    {
        var tops = cases.Select(c => (Case: c, Result: lucene.Search(c.Question))).ToList();
        var candidates = tops.Where(t => t.Result.Scores.Count > 0).Select(t => t.Result.Scores[0]).Append(0).Distinct().Order().ToList();
        return candidates.MaxBy(threshold => tops.Count(t =>
            t.Result.Scores.Count == 0 || t.Result.Scores[0] < threshold ? t.Case.MustDecline : t.Case.Acceptable.Contains(t.Result.Ids[0])));
    }

    private static void Row(string name, IAskEngine engine, IReadOnlyList<AskEvalCase> cases, double buildMs)
    {
        var report = AskEvalSet.Run(engine, cases);
        var watch = Stopwatch.StartNew();
        const int Rounds = 5;
        for (var r = 0; r < Rounds; r++)
        {
            foreach (var c in cases)
            {
                engine.Answer(c.Question, c.Lang);
            }
        }

        var micros = watch.Elapsed.TotalMicroseconds / (Rounds * cases.Count);
        string Share(Func<AskEvalResult, bool> filter)
        {
            var subset = report.Results.Where(filter).ToList();
            return subset.Count == 0 ? "-" : $"{100.0 * subset.Count(r => r.Correct) / subset.Count:0.0}%";
        }

        string[] kinds = ["definition", "comparison", "scenario", "typo", "abbreviation", "mixed", "noise", "outofscope"];
        Console.WriteLine($"| {name} | {report.Accuracy * 100:0.0}% | {Share(r => r.Case.Lang == K8sBot.Core.Localization.Lang.Ko)} | {Share(r => r.Case.Lang == K8sBot.Core.Localization.Lang.En)} | "
            + string.Join(" | ", kinds.Select(k => Share(r => r.Case.Kind == k))) + $" | {buildMs:0} | {micros:0.0} |");
    }
}
