using K8sBot.Core.Ask;
using K8sBot.Core.Ask.Retrieval;
using K8sBot.Core.Localization;

namespace K8sBot.Core.Tests.Ask;

/// <summary>
/// The decision rules around retrieval (docs/ask.md, "Decide"), each checked against the same engine with the rule
/// switched off, so a test fails when the rule stops mattering.
/// </summary>
public sealed class AskDecisionTests
{
    private static readonly Catalog Fixture = new(AskFixture.Create());

    [Fact]
    public void Strong_evidence_answers_with_less_coverage()
    {
        // 12.9 for CronJob, coverage 0.45 (three of the words are unknown): under MinCoverage here, over StrongMinCoverage.
        const string question = "nightly backup schedule for the zorblax quux archive";
        var settings = RetrievalSettings.Default with { MinCoverage = 0.9f, StrongScore = 10f, StrongMinCoverage = 0.3f };
        var normal = Fixture.Engine(settings).Answer(question, Lang.En);
        var strict = Fixture.Engine(settings with { StrongScore = float.MaxValue }).Answer(question, Lang.En);

        Assert.Equal("cronjob", normal.Concepts[0]);
        Assert.Empty(strict.Concepts);
    }

    [Fact]
    public void Weak_evidence_with_unknown_words_is_still_declined() =>
        Assert.Empty(Fixture.Engine().Answer("zorblax quux schedule", Lang.En).Concepts);

    [Fact]
    public void An_english_what_after_a_name_starts_a_new_clause_not_a_definition()
    {
        var answer = Fixture.Engine().Answer("my pods run on every node, what log collector should I use?", Lang.En);
        Assert.Equal("daemonset", answer.Concepts[0]);
    }

    [Fact]
    public void A_korean_definition_ending_after_a_name_still_defines_it() =>
        Assert.Equal("node", Fixture.Engine().Answer("노드가 뭐야 로그 수집기랑 상관있어?", Lang.Ko).Concepts[0]);

    [Fact]
    public void Generic_names_give_way_to_weaker_evidence_from_the_other_words()
    {
        // The other words score 6.7 for DaemonSet: under RestScore here, over GenericRestScore.
        const string question = "pod on a node with log collector";
        var settings = RetrievalSettings.Default with { RestScore = 8f, GenericRestScore = 4f, GenericSpecificity = 0.9f };
        var generic = Fixture.Engine(settings).Answer(question, Lang.En);
        var specific = Fixture.Engine(settings with { GenericSpecificity = 0f }).Answer(question, Lang.En);

        Assert.Equal("daemonset", generic.Concepts[0]);
        Assert.Equal("node", specific.Concepts[0]);
    }

    [Theory]
    [InlineData("깃헙 액션에서 서비스 쓰는 법", Lang.Ko)]
    [InlineData("github actions service containers", Lang.En)]
    [InlineData("how to tune the jvm of a java service", Lang.En)]
    public void A_shared_word_right_after_a_foreign_product_belongs_to_that_product(string question, Lang lang) =>
        Assert.Empty(Fixture.Engine().Answer(question, lang).Concepts);

    [Theory]
    [InlineData("postgres 여러 대 앞에 서비스 두기", Lang.Ko, "service")]
    [InlineData("github actions pushes to kubernetes, which service do I need", Lang.En, "service")]
    [InlineData("redis 레플리카셋", Lang.Ko, "replicaset")]
    public void A_name_far_from_the_product_or_kubernetes_specific_is_still_answered(string question, Lang lang, string expected) =>
        Assert.Equal(expected, Fixture.Engine().Answer(question, lang).Concepts[0]);

    [Theory]
    [InlineData("서비스 메시가 뭐야", Lang.Ko)]
    [InlineData("istio virtual service retry config", Lang.En)]
    [InlineData("node js app memory leak", Lang.En)]
    public void A_longer_foreign_name_swallows_the_concept_word_inside_it(string question, Lang lang) =>
        Assert.Empty(Fixture.Engine().Answer(question, lang).Concepts);

    [Theory]
    [InlineData("how to use services in github actions")]
    [InlineData("rotate the services in aws")]
    public void A_shared_word_inside_a_foreign_product_belongs_to_it(string question) =>
        Assert.Empty(Fixture.Engine().Answer(question, Lang.En).Concepts);

    [Fact]
    public void A_service_for_a_product_is_still_a_kubernetes_service() =>
        Assert.Equal("service", Fixture.Engine().Answer("how do I make a service for my redis", Lang.En).Concepts[0]);

    [Theory]
    [InlineData("helm chart nightly backup schedule")]
    [InlineData("terraform nightly backup schedule every day for the team")]
    public void Helm_and_other_tools_no_card_explains_are_declined(string question) =>
        Assert.Empty(Fixture.Engine().Answer(question, Lang.En).Concepts);

    [Fact]
    public void A_workload_named_first_with_strong_evidence_is_about_running_it()
    {
        // Same words, one starting with a database (run on Kubernetes), one with a tool that is never a workload.
        var settings = RetrievalSettings.Default with { StrongScore = 10f };
        Assert.Equal("cronjob", Fixture.Engine(settings).Answer("postgres nightly backup schedule every day", Lang.En).Concepts[0]);
        Assert.Empty(Fixture.Engine(settings).Answer("terraform nightly backup schedule every day", Lang.En).Concepts);
    }

    [Theory]
    [InlineData("what is the role of a pod", "pod")]
    [InlineData("what is the job of a replicaset", "replicaset")]
    public void The_role_of_or_the_job_of_is_a_duty_not_the_object(string question, string expected) =>
        Assert.Equal(expected, Fixture.Engine().Answer(question, Lang.En).Concepts[0]);

    [Fact]
    public void A_kubernetes_role_is_still_a_role() =>
        Assert.Equal("role", Fixture.Engine().Answer("create a role for reading pods", Lang.En).Concepts[0]);

    [Fact]
    public void An_enterprise_tool_owns_its_own_roles() =>
        Assert.Empty(Fixture.Engine().Answer("SAP에서 사용자에게 롤 추가하는 절차", Lang.Ko).Concepts);

    [Theory]
    [InlineData("how do I list services automatically from github")]
    [InlineData("insert a node into a linked list in python")]
    public void A_tool_anywhere_claims_a_word_every_tool_has(string question) =>
        Assert.Empty(Fixture.Engine().Answer(question, Lang.En).Concepts);

    [Fact]
    public void A_git_commit_sha_on_an_object_is_still_about_the_object() =>
        Assert.Equal("node", Fixture.Engine().Answer("record the git commit sha on each node as metadata", Lang.En).Concepts[0]);

    private sealed class Catalog(Content.ContentCatalog catalog)
    {
        public CatalogAskEngine Engine(RetrievalSettings? settings = null) => new(catalog, settings ?? RetrievalSettings.Default);
    }
}
