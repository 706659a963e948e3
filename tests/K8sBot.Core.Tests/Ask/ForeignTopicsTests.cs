using K8sBot.Core.Ask;
using K8sBot.Core.Ask.Retrieval;
using K8sBot.Core.Localization;

namespace K8sBot.Core.Tests.Ask;

/// <summary>A non-Kubernetes technology as the topic of a question that names no concept makes the engine decline.</summary>
public sealed class ForeignTopicsTests
{
    private readonly CatalogAskEngine _engine = new(AskFixture.Create());

    private static bool[] Marks(string question)
    {
        var tokens = Tokenizer.Tokenize(question);
        var marks = new bool[tokens.Count];
        ForeignTopics.Mark(tokens, marks);
        return marks;
    }

    [Theory]
    [InlineData("레디스를 매일 새벽 백업", 0)]
    [InlineData("github actions schedule", 1)]
    [InlineData("스프링 부트에서 로그", 1)]
    public void Foreign_names_are_marked_with_spacing_and_particles(string question, int lastMarked)
    {
        var marks = Marks(question);
        Assert.All(marks.Take(lastMarked + 1), Assert.True);
        Assert.False(marks[lastMarked + 1]);
    }

    [Fact]
    public void Kubernetes_context_keeps_a_foreign_name_on_topic() =>
        Assert.DoesNotContain(true, Marks("redis on kubernetes every node"));

    [Theory]
    [InlineData("terraform nightly backup schedule", Lang.En)]
    [InlineData("레디스 매일 새벽 백업 일정", Lang.Ko)]
    public void A_foreign_topic_with_no_concept_named_is_declined(string question, Lang lang) =>
        Assert.Empty(_engine.Answer(question, lang).Concepts);

    [Theory]
    [InlineData("nightly backup schedule on kubernetes for redis", Lang.En, "cronjob")]
    [InlineData("레디스를 데몬셋으로 띄우려면", Lang.Ko, "daemonset")]
    public void A_named_concept_or_kubernetes_context_is_still_answered(string question, Lang lang, string expected) =>
        Assert.Equal(expected, _engine.Answer(question, lang).Concepts[0]);
}
