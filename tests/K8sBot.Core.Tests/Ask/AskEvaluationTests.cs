using K8sBot.Core.Ask;
using K8sBot.Core.Content;
using Xunit.Abstractions;

namespace K8sBot.Core.Tests.Ask;

/// <summary>Runs the evaluation set against the real curriculum in content/ and reports accuracy per language and kind.</summary>
public sealed class AskEvaluationTests(ITestOutputHelper output)
{
    private const double Bar = 0.95;

    [Fact]
    public void The_engine_answers_at_least_95_percent_of_the_evaluation_set_first_time()
    {
        var root = AskEvalSet.RepositoryRoot();
        var loaded = ContentLoader.Load(Path.Combine(root, "content"));
        Assert.Empty(loaded.Problems);
        var cases = AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", "ask-eval.tsv"));
        Assert.True(cases.Count >= 200, $"the set has {cases.Count} questions");

        var report = AskEvalSet.Run(new CatalogAskEngine(loaded.Catalog), cases);
        foreach (var line in report.Lines())
        {
            output.WriteLine(line);
        }

        Assert.True(report.Accuracy >= Bar, $"top-1 accuracy {report.Accuracy:P1} is below {Bar:P0}");
    }

    [Fact]
    public void The_evaluation_set_is_balanced_between_korean_and_english()
    {
        var cases = AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", "ask-eval.tsv"));
        var korean = cases.Count(c => c.Lang == Localization.Lang.Ko);
        Assert.InRange((double)korean / cases.Count, 0.45, 0.55);
        Assert.Contains(cases, c => c.MustDecline);
    }
}
