using K8sBot.Core.Ask;
using K8sBot.Core.Ask.Retrieval;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;

namespace K8sBot.Core.Tests.Ask;

/// <summary>The thesaurus maps everyday words to words the real cards use, and only stands in for unknown words.</summary>
public sealed class SynonymsTests
{
    private static readonly Lazy<AskIndex> RealIndex = new(() =>
    {
        var loaded = ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content"));
        return new AskIndex(loaded.Catalog, RetrievalSettings.Default);
    });

    [Fact]
    public void The_table_has_a_few_hundred_words()
    {
        Assert.InRange(Synonyms.Entries.Count, 200, 1000);
    }

    [Fact]
    public void Every_replacement_is_a_term_the_real_cards_use()
    {
        var index = RealIndex.Value;
        var unknown = Synonyms.Entries.SelectMany(e => e.Value).Distinct().Where(t => index.TermId(t) < 0).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void No_replacement_is_a_concept_name()
    {
        var index = RealIndex.Value;
        var names = new List<NameHit>();
        var named = new List<string>();
        foreach (var term in Synonyms.Entries.SelectMany(e => e.Value).Distinct())
        {
            names.Clear();
            index.FindNames(Tokenizer.Tokenize(term), typos: false, names);
            if (names.Count > 0)
            {
                named.Add(term);
            }
        }

        Assert.Empty(named);
    }

    [Theory]
    [InlineData("wipe")]
    [InlineData("dawn")]
    [InlineData("passwd")]
    [InlineData("먹통")]
    [InlineData("크리덴셜")]
    public void An_unknown_everyday_word_now_stands_for_card_terms(string word)
    {
        var index = RealIndex.Value;
        var stem = Tokenizer.Tokenize(word)[0].Stem;
        Assert.True(index.TermId(stem) < 0, $"{word} is already a card word");
        Assert.False(index.SynonymTerms(stem).IsEmpty);
    }

    [Fact]
    public void An_unknown_word_with_a_synonym_counts_as_explained()
    {
        var index = RealIndex.Value;
        var tokens = Tokenizer.Tokenize("passwd");
        var evidence = new Evidence(index, tokens.Count);
        evidence.BeginToken(named: false, weak: false);
        var ids = index.SynonymTerms(tokens[0].Stem);
        for (var j = 0; j < ids.Length; j++)
        {
            evidence.AddTerm(ids[j], isWhole: j == 0);
        }

        evidence.EndToken();
        var secret = Array.IndexOf(index.Ids, "secret");
        Assert.Equal(1f, evidence.Coverage(secret), 3);
    }

    [Theory]
    [InlineData("토요일에 뭐 할까")]
    [InlineData("오후에 회의 있어요")]
    [InlineData("what do you do at dusk")]
    public void A_question_explained_only_through_the_thesaurus_is_declined(string question)
    {
        var engine = new CatalogAskEngine(ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content")).Catalog);
        Assert.Equal(AskOutcome.Decline, engine.Answer(question, Lang.Ko).Outcome);
    }

    [Fact]
    public void A_synonym_next_to_card_words_answers_a_scenario()
    {
        var engine = new CatalogAskEngine(ContentLoader.Load(Path.Combine(AskEvalSet.RepositoryRoot(), "content")).Catalog);
        var answer = engine.Answer("where should i keep the db passwd instead of the image", Lang.En);
        Assert.Equal("secret", answer.Concepts[0]);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("비밀번호")]
    [InlineData("delete")]
    [InlineData("disk")]
    public void A_word_the_cards_use_is_never_replaced(string word)
    {
        var index = RealIndex.Value;
        var stem = Tokenizer.Tokenize(word)[0].Stem;
        Assert.True(index.TermId(stem) >= 0);
        Assert.True(index.SynonymTerms(stem).IsEmpty);
    }
}
