using K8sBot.Core.Ask;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using Xunit.Abstractions;

namespace K8sBot.Core.Tests.Ask;

/// <summary>
/// Runs the held-out set (ask-heldout.tsv) against the real curriculum. Its batches were written without looking at
/// the engine's answers and are kept as written, so this estimates accuracy on questions nobody tuned for.
/// </summary>
public sealed class AskHeldOutTests(ITestOutputHelper output)
{
    private const double Bar = 0.95;

    private static IReadOnlyList<AskEvalCase> Cases() =>
        AskEvalSet.Load(Path.Combine(AppContext.BaseDirectory, "Ask", "ask-heldout.tsv"));

    [Fact]
    public void The_engine_answers_at_least_95_percent_of_the_held_out_set_first_time()
    {
        var loaded = ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content"));
        Assert.Empty(loaded.Problems);
        var cases = Cases();

        var report = AskEvalSet.Run(new CatalogAskEngine(loaded.Catalog), cases);
        foreach (var line in report.Lines())
        {
            output.WriteLine(line);
        }

        Assert.True(report.Accuracy >= Bar, $"held-out top-1 accuracy {report.Accuracy:P1} is below {Bar:P0}");
    }

    [Fact]
    public void The_held_out_set_covers_both_languages_every_kind_and_every_concept()
    {
        var cases = Cases();
        Assert.True(cases.Count >= 240, $"the held-out set has {cases.Count} questions");
        var korean = cases.Count(c => c.Lang == Lang.Ko);
        Assert.InRange((double)korean / cases.Count, 0.45, 0.55);
        Assert.True(cases.Select(c => c.Batch).Distinct().Count() >= 2, "the held-out set has fewer than two batches");

        string[] kinds = ["definition", "comparison", "scenario", "typo", "abbreviation", "mixed", "noise", "outofscope"];
        Assert.All(kinds, kind => Assert.Contains(cases, c => c.Kind == kind));

        var loaded = ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content"));
        var labelled = cases.SelectMany(c => c.Acceptable).ToHashSet(StringComparer.Ordinal);
        Assert.All(loaded.Catalog.Concepts, concept => Assert.Contains(concept.Id, labelled));
    }
}
