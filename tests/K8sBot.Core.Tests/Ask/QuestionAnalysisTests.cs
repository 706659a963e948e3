using K8sBot.Core.Ask.Retrieval;

namespace K8sBot.Core.Tests.Ask;

/// <summary>The general word-level mechanisms added for questions nobody tuned on (docs/ask.md, "Held-out set").</summary>
public sealed class QuestionAnalysisTests
{
    private static QueryToken Token(string question, string text) =>
        Tokenizer.Tokenize(question).Single(t => t.Text == text);

    [Theory]
    [InlineData("DB를 올리려면", "를")]
    [InlineData("Pod가 뭐야", "가")]
    [InlineData("뭘로 띄워", "뭘로")]
    [InlineData("이거는 뭐야", "이거는")]
    [InlineData("node-3 restarting", "3")]
    public void Leftover_particles_stop_words_with_particles_and_small_numbers_carry_no_topic(string question, string word) =>
        Assert.False(Token(question, word).IsContent);

    [Theory]
    [InlineData("6443 port", "6443")]
    [InlineData("추가 설정", "추가")]
    [InlineData("로그 레벨", "로그")]
    public void Real_words_and_port_numbers_stay_content(string question, string word) =>
        Assert.True(Token(question, word).IsContent);

    [Theory]
    [InlineData("running", "run")]
    [InlineData("stopped", "stop")]
    [InlineData("installed", "install")]
    [InlineData("pods", "pod")]
    public void English_stems_undouble_a_final_consonant_after_a_suffix(string word, string stem) =>
        Assert.Equal(stem, Tokenizer.Tokenize(word)[0].Stem);

    [Theory]
    [InlineData("앱이", "앱")]
    [InlineData("잡을", "잡")]
    [InlineData("추가", "추가")]
    [InlineData("경로", "경로")]
    public void A_one_syllable_noun_loses_its_case_particle_but_two_syllable_nouns_stay_whole(string word, string stem) =>
        Assert.Equal(stem, Tokenizer.Tokenize(word)[0].Stem);

    [Theory]
    [InlineData("깔아야", true)]
    [InlineData("정확히", true)]
    [InlineData("2am", true)]
    [InlineData("exactly", true)]
    [InlineData("테라폼", false)]
    [InlineData("terraform", false)]
    public void Verb_forms_adverbs_and_numbers_are_weak_evidence_when_unknown(string word, bool weak) =>
        Assert.Equal(weak, Evidence.IsWeakWord(Tokenizer.Tokenize(word)[0]));
}
