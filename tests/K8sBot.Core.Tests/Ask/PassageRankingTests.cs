using K8sBot.Core.Ask;
using K8sBot.Core.Ask.Retrieval;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Tests.Support;

namespace K8sBot.Core.Tests.Ask;

/// <summary>A card with one line that matches the question almost whole outranks one with the same words scattered.</summary>
public sealed class PassageRankingTests
{
    // "alpha" has the words in one use-when line; "beta" has the same words spread over separate keywords, plus the
    // word "archive" twice more, so on BM25F alone it edges ahead.
    private static readonly ContentCatalog Catalog = new(
        [
            Card("alpha", ["nightly archive upload to cold storage"], ["retention"]),
            Card("beta", ["You rotate logs"], ["nightly", "archive", "archive files", "archive retention", "upload", "cold storage"]),
        ],
        [],
        []);

    [Fact]
    public void The_card_whose_single_line_matches_ranks_first()
    {
        const string question = "nightly archive upload to cold storage";
        var withPassages = new CatalogAskEngine(Catalog, RetrievalSettings.Default with { MinCoverage = 0f, MinScore = 0f });
        var without = new CatalogAskEngine(Catalog, RetrievalSettings.Default with { MinCoverage = 0f, MinScore = 0f, PassageWeight = 0f });

        Assert.Equal("alpha", withPassages.Answer(question, Lang.En).Concepts[0]);
        Assert.Equal("beta", without.Answer(question, Lang.En).Concepts[0]);
    }

    private static ConceptCard Card(string id, string[] useWhen, string[] keywords)
    {
        var card = TestCatalog.Card(id, 1, ConceptCategory.Workloads, [id], id, id, []);
        return card with
        {
            En = card.En with { UseWhen = useWhen, Keywords = keywords },
            Ko = card.Ko with { UseWhen = [], Keywords = [] },
        };
    }
}
