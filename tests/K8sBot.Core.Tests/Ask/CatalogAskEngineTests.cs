using K8sBot.Core.Ask;
using K8sBot.Core.Localization;

namespace K8sBot.Core.Tests.Ask;

public sealed class CatalogAskEngineTests
{
    private readonly CatalogAskEngine _engine = new(AskFixture.Create());

    private AskAnswer Ask(string question, Lang lang = Lang.Ko) => _engine.Answer(question, lang);

    [Theory]
    [InlineData("파드가 뭐야?", "pod")]
    [InlineData("파드란", "pod")]
    [InlineData("디플로이먼트에 대해 알려줘", "deployment")]
    [InlineData("레플리카셋은 뭔가요", "replicaset")]
    [InlineData("서비스를 어떻게 써요", "service")]
    [InlineData("크론잡이뭐야", "cronjob")]
    public void Korean_particles_and_endings_do_not_hide_the_name(string question, string expected) =>
        Assert.Equal(expected, Ask(question).Concepts[0]);

    [Theory]
    [InlineData("크론 잡이 뭐야", "cronjob")]
    [InlineData("데몬 셋 설명", "daemonset")]
    [InlineData("what is a cron job", "cronjob")]
    [InlineData("daemon set?", "daemonset")]
    public void Spacing_variants_match_the_same_concept(string question, string expected) =>
        Assert.Equal(expected, Ask(question).Concepts[0]);

    [Theory]
    [InlineData("Pod가 뭐야?", "pod")]
    [InlineData("what is 데몬셋", "daemonset")]
    [InlineData("svc 설명 plz", "service")]
    public void Mixed_language_and_abbreviations_are_understood(string question, string expected) =>
        Assert.Equal(expected, Ask(question).Concepts[0]);

    [Theory]
    [InlineData("what is a deploymnet", "deployment")]
    [InlineData("replicasett?", "replicaset")]
    [InlineData("데몬샛이 뭐야", "daemonset")]
    public void Typos_in_long_names_are_forgiven_with_lower_confidence(string question, string expected)
    {
        var answer = Ask(question);
        Assert.Equal(expected, answer.Concepts[0]);
        Assert.True(answer.Confidence < 0.95);
    }

    [Theory]
    [InlineData("explain the rule of thirds")]
    [InlineData("can you take a note")]
    [InlineData("what is a pot")]
    public void Short_words_near_a_name_are_not_corrected_into_concepts(string question) =>
        Assert.Empty(Ask(question, Lang.En).Concepts);

    [Theory]
    [InlineData("디플로이먼트랑 레플리카셋 차이", "deployment", "replicaset")]
    [InlineData("replicaset vs deployment", "replicaset", "deployment")]
    [InlineData("difference between a pod and a service", "pod", "service")]
    [InlineData("데몬셋과 디플로이먼트의 차이점이 뭐예요?", "daemonset", "deployment")]
    public void Comparison_questions_name_both_concepts_in_order(string question, string first, string second)
    {
        var answer = Ask(question);
        Assert.Equal(AskOutcome.Comparison, answer.Outcome);
        Assert.Equal([first, second], answer.Concepts.Take(2));
    }

    [Fact]
    public void Two_names_without_a_comparison_word_answer_with_a_card() =>
        Assert.Equal(AskOutcome.Card, Ask("deployment replicaset").Outcome);

    [Theory]
    [InlineData("I need one log collector on every node", "daemonset")]
    [InlineData("모든 노드에 로그 수집기를 띄우고 싶어", "daemonset")]
    [InlineData("매일 새벽에 백업 돌리려면?", "cronjob")]
    public void Scenario_questions_are_answered_from_use_cases_and_keywords(string question, string expected) =>
        Assert.Equal(expected, Ask(question).Concepts[0]);

    [Theory]
    [InlineData("점심 뭐 먹지?")]
    [InlineData("what's the weather like today")]
    [InlineData("what is a kafka partition")]
    [InlineData("ㅁㄴㅇㄹㅁㄴㅇㄹ")]
    [InlineData("hello there")]
    public void Out_of_scope_questions_are_declined_with_no_concepts(string question)
    {
        var answer = Ask(question);
        Assert.Equal(AskOutcome.Decline, answer.Outcome);
        Assert.Empty(answer.Concepts);
    }

    [Theory]
    [InlineData("deployment yaml example", true)]
    [InlineData("디플로이먼트 예시 보여줘", true)]
    [InlineData("deployment manifest please", true)]
    [InlineData("what is a deployment", false)]
    public void Asking_for_an_example_or_yaml_sets_wants_example(string question, bool wants) =>
        Assert.Equal(wants, Ask(question).WantsExample);

    [Theory]
    [InlineData("<@123456> 파드가 뭐야 ㅋㅋㅋ")]
    [InlineData("@bot pod?? 🙏🙏")]
    [InlineData("<!channel> what's a pod lol")]
    [InlineData("ㅠㅠ 파드... plz!!!")]
    public void Chat_noise_and_mentions_are_ignored(string question) =>
        Assert.Equal("pod", Ask(question).Concepts[0]);

    [Fact]
    public void Answers_are_best_first_with_an_exact_name_confident()
    {
        var answer = Ask("what is a daemonset", Lang.En);
        Assert.Equal("daemonset", answer.Concepts[0]);
        Assert.True(answer.Confidence >= AskAnswer.LowConfidence);
        Assert.Equal(answer.Concepts.Count, answer.Concepts.Distinct().Count());
    }

    [Fact]
    public void Concurrent_answers_equal_sequential_answers()
    {
        string[] questions = ["파드가 뭐야", "deployment vs replicaset", "I need one log collector on every node", "점심 뭐 먹지", "what is a deploymnet"];
        var expected = questions.Select(q => string.Join(",", Ask(q).Concepts)).ToArray();
        var actual = new string[questions.Length * 200];
        Parallel.For(0, actual.Length, i => actual[i] = string.Join(",", Ask(questions[i % questions.Length]).Concepts));
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % questions.Length], actual[i]);
        }
    }

    [Theory]
    [InlineData("데몬 샛이 뭐야", "daemonset")]
    [InlineData("데몬샛이랑 뭐가 달라", "daemonset")]
    public void A_typo_is_forgiven_even_when_the_misspelt_word_carries_particles(string question, string expected) =>
        Assert.Equal(expected, Ask(question).Concepts[0]);

    [Fact]
    public void A_what_is_clause_keeps_the_named_concept_even_when_later_words_point_elsewhere() =>
        Assert.Equal("node", Ask("노드가 뭐야? 로그 수집기랑 관련 있어?").Concepts[0]);

    [Fact]
    public void Defining_an_unknown_thing_the_name_only_modifies_is_declined() =>
        Assert.Empty(Ask("이스티오 서비스 메쉬가 뭐야").Concepts);

    [Fact]
    public void Explain_shows_tokens_names_and_scores()
    {
        var text = _engine.Explain("파드가 뭐야?");
        Assert.Contains("파드", text, StringComparison.Ordinal);
        Assert.Contains("pod@0", text, StringComparison.Ordinal);
    }
}
