using K8sBot.Core.Ask.Retrieval;

namespace K8sBot.Core.Tests.Ask;

/// <summary>KoreanVerbs reduces predicates to a stem that card text and questions share.</summary>
public sealed class KoreanVerbsTests
{
    [Theory]
    [InlineData("깔아야", "깔")]
    [InlineData("깔고", "깔")]
    [InlineData("막으려면", "막")]
    [InlineData("막는", "막")]
    [InlineData("띄워야", "띄우")]
    [InlineData("띄우고", "띄우")]
    [InlineData("돌리려면", "돌리")]
    [InlineData("걸려서", "걸리")]
    [InlineData("설정해야", "설정")]
    [InlineData("재시작됐어", "재시작")]
    [InlineData("늘리면", "늘리")]
    [InlineData("살아있는", "살")]
    [InlineData("넘겨주고", "넘기")]
    [InlineData("만들어두면", "만들")]
    public void Verb_endings_reduce_to_the_same_stem(string word, string stem) =>
        Assert.Equal(stem, Tokenizer.Tokenize(word)[0].Stem);

    [Theory]
    [InlineData("순서")]
    [InlineData("필요")]
    [InlineData("파드")]
    [InlineData("서비스")]
    [InlineData("크기")]
    public void Two_syllable_nouns_and_names_keep_their_last_syllable(string word) =>
        Assert.Equal(word, Tokenizer.Tokenize(word)[0].Stem);

    [Theory]
    [InlineData("했어")]
    [InlineData("돼요")]
    [InlineData("있는")]
    public void Grammar_verbs_carry_no_topic(string word) =>
        Assert.False(Tokenizer.Tokenize(word)[0].IsContent);

    [Fact]
    public void A_card_verb_form_and_a_question_verb_form_meet()
    {
        Assert.Equal(Tokenizer.Tokenize("막는")[0].Stem, Tokenizer.Tokenize("막고")[0].Stem);
        Assert.Equal(Tokenizer.Tokenize("띄우는")[0].Stem, Tokenizer.Tokenize("띄워야")[0].Stem);
    }

    [Theory]
    [InlineData("생김", "생겨요")]
    [InlineData("몰림", "몰려요")]
    [InlineData("바뀜", "바뀌어서")]
    [InlineData("재시작됨", "재시작됐어")]
    [InlineData("받음", "받는거임")]
    public void A_card_symptom_written_as_a_noun_meets_the_question_verb(string card, string question) =>
        Assert.Equal(Tokenizer.Tokenize(card)[0].Stem, Tokenizer.Tokenize(question)[0].Stem);

    [Theory]
    [InlineData("사람")]
    [InlineData("마음")]
    [InlineData("처음")]
    public void Nouns_ending_in_m_keep_it(string word) =>
        Assert.Equal(word, Tokenizer.Tokenize(word)[0].Stem);

    [Fact]
    public void An_auxiliary_after_a_contracted_verb_is_dropped() =>
        Assert.False(Tokenizer.Tokenize("해놨는데")[0].IsContent);
}
