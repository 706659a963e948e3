using BenchmarkDotNet.Attributes;
using K8sBot.Core.Ask;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Tests.Ask;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Util;

namespace K8sBot.Benchmarks.Ask;

/// <summary>
/// Ask throughput against its baseline in the same run: the whole evaluation set through the shipped
/// engine and through Lucene.Net 4.8 BM25 with the CJK analyzer (the better of the two Lucene
/// variants in docs/ask.md) over the same catalogue. Ratio &lt; 1 means faster than Lucene.
/// </summary>
[MemoryDiagnoser]
[InProcess] // The shared 2-core machine times out BenchmarkDotNet's separate build; in-process avoids it.
public class AskVsLuceneBenchmarks
{
    private const int Questions = 318;

    private CatalogAskEngine _engine = null!;
    private LuceneAskEngine _lucene = null!;
    private (string Question, Lang Lang)[] _questions = [];

    [GlobalSetup]
    public void Setup()
    {
        var catalog = AskComparison.LoadCatalog();
        _engine = new CatalogAskEngine(catalog);
        _lucene = new LuceneAskEngine(catalog, new CJKAnalyzer(LuceneVersion.LUCENE_48)) { Threshold = 10.2f };
        _questions = [.. AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", "ask-eval.tsv")).Select(c => (c.Question, c.Lang))];
        if (_questions.Length != Questions)
        {
            throw new InvalidOperationException($"OperationsPerInvoke assumes {Questions} questions; the set has {_questions.Length}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Questions)]
    public int LuceneCjkBm25() => Run(_lucene);

    [Benchmark(OperationsPerInvoke = Questions)]
    public int ShippedBm25F() => Run(_engine);

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    private int Run(IAskEngine engine)
    {
        var found = 0;
        foreach (var (question, lang) in _questions)
        {
            found += engine.Answer(question, lang).Concepts.Count;
        }

        return found;
    }
}
