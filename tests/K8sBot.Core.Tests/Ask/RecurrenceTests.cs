using K8sBot.Core.Ask.Retrieval;

namespace K8sBot.Core.Tests.Ask;

/// <summary>Time recurrence survives tokenisation as one extra word the scheduled-work cards share.</summary>
public sealed class RecurrenceTests
{
    [Theory]
    [InlineData("한 시간마다 정리", "주기적")]
    [InlineData("매주 리포트", "주기적")]
    [InlineData("월요일마다 메일", "주기적")]
    [InlineData("every night at 2am", "periodic")]
    [InlineData("hourly report", "periodic")]
    public void A_recurrence_adds_the_periodic_word(string text, string word) =>
        Assert.Contains(Tokenizer.Tokenize(text), t => t.Stem == word && t.IsContent);

    [Theory]
    [InlineData("노드마다 하나씩")]
    [InlineData("every node")]
    [InlineData("매니저 설정")]
    public void Distributive_every_is_not_a_recurrence(string text) =>
        Assert.DoesNotContain(Tokenizer.Tokenize(text), t => t.Stem is "주기적" or "periodic");
}
