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

    [Theory]
    [InlineData("AWS Secrets Manager rotation schedule", Lang.En)]
    [InlineData("RDS aurora nightly backup schedule", Lang.En)]
    [InlineData("빅쿼리 매일 새벽 백업 일정", Lang.Ko)]
    [InlineData("kibana dashboard every node", Lang.En)]
    [InlineData("argocd sync schedule every night", Lang.En)]
    [InlineData("맥북 매일 새벽 백업 일정", Lang.Ko)]
    [InlineData("노션 매일 일정 정리", Lang.Ko)]
    [InlineData("conda nightly backup schedule", Lang.En)]
    [InlineData("spark job nightly backup schedule", Lang.En)]
    [InlineData("jupyter 매일 새벽 백업", Lang.Ko)]
    public void Cloud_monitoring_gitops_os_office_language_and_data_tools_are_foreign_topics(string question, Lang lang) =>
        Assert.Empty(_engine.Answer(question, lang).Concepts);

    [Theory]
    [InlineData("fluent-bit 모든 노드에 로그 수집", Lang.Ko, "daemonset")]
    [InlineData("datadog agent as a log collector on every node", Lang.En, "daemonset")]
    [InlineData("EKS에서 노드 추가", Lang.Ko, "node")]
    public void Agents_the_cards_name_and_kubernetes_offerings_stay_answerable(string question, Lang lang, string expected) =>
        Assert.Equal(expected, _engine.Answer(question, lang).Concepts[0]);

    [Theory]
    [InlineData("prometheus node exporter on every node")]
    [InlineData("fluentd fluent-bit datadog 데몬셋")]
    public void Agents_a_daemonset_runs_are_not_foreign_names(string question) =>
        Assert.DoesNotContain(true, Marks(question));

    [Fact]
    public void A_kubernetes_offering_is_context_not_a_foreign_name() =>
        Assert.DoesNotContain(true, Marks("aws eks 노드 그룹"));

    [Theory]
    [InlineData("windows 노드 추가")]
    [InlineData("ecr 이미지로 서비스 띄우기")]
    public void A_registry_or_an_operating_system_does_not_own_the_shared_word_after_it(string question) =>
        Assert.NotEmpty(_engine.Answer(question, Lang.Ko).Concepts);

    [Theory]
    [InlineData("vault secret 읽기")]
    [InlineData("지라 롤 권한 설정")]
    public void A_foreign_product_still_owns_a_shared_word(string question) =>
        Assert.Empty(_engine.Answer(question, Lang.Ko).Concepts);

    [Fact]
    public void A_foreign_product_after_a_leading_verb_is_still_the_topic() =>
        Assert.Empty(_engine.Answer("set up a PagerDuty nightly backup schedule", Lang.En).Concepts);
}
