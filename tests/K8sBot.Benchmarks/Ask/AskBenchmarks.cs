using BenchmarkDotNet.Attributes;
using K8sBot.Core.Ask;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Tests.Ask;

namespace K8sBot.Benchmarks.Ask;

/// <summary>Ask engine speed over the full catalogue: every evaluation question per invocation, and index build.</summary>
[MemoryDiagnoser]
[InProcess] // The shared 2-core machine times out BenchmarkDotNet's separate build; in-process avoids it.
public class AskBenchmarks
{
    private ContentCatalog _catalog = null!;
    private CatalogAskEngine _engine = null!;
    private (string Question, Lang Lang)[] _questions = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = AskComparison.LoadCatalog();
        _engine = new CatalogAskEngine(_catalog);
        _questions = [.. AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", "ask-eval.tsv")).Select(c => (c.Question, c.Lang))];
    }

    /// <summary>Mean per question: OperationsPerInvoke must equal the number of questions in ask-eval.tsv.</summary>
    [Benchmark(OperationsPerInvoke = 318)]
    public int AnswerEvaluationSet()
    {
        var found = 0;
        foreach (var (question, lang) in _questions)
        {
            found += _engine.Answer(question, lang).Concepts.Count;
        }

        return found;
    }

    [Benchmark]
    public AskAnswer AnswerKoreanScenario() => _engine.Answer("매일 새벽 3시에 백업 돌리려면?", Lang.Ko);

    [Benchmark]
    public AskAnswer AnswerEnglishComparison() => _engine.Answer("what's the difference between a Deployment and a StatefulSet?", Lang.En);

    [Benchmark]
    public AskAnswer AnswerLongInput() => _engine.Answer(LongInput, Lang.En);

    [Benchmark]
    public CatalogAskEngine BuildIndex() => new(_catalog);

    private static readonly string LongInput = string.Concat(Enumerable.Repeat("pod deployment 노드 ", 700));
}
