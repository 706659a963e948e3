using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Tests.Messaging;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("@everyone hi")]
    [InlineData("@here")]
    public void Mass_mentions_never_survive(string input) =>
        Assert.DoesNotContain(input.Split(' ')[0], UserText.Escape(input), StringComparison.Ordinal);

    [Fact]
    public void Markdown_punctuation_is_escaped()
    {
        Assert.Equal("\\*\\*bold\\*\\* \\`code\\` \\|\\|spoiler\\|\\|", UserText.Escape("**bold** `code` ||spoiler||"));
    }

    [Fact]
    public void Newlines_control_and_bidi_characters_cannot_fake_a_bot_line()
    {
        var escaped = UserText.Escape("a\nb\u0000c\u202Ed");
        Assert.Equal("a bcd", escaped);
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis()
    {
        var escaped = UserText.Escape(new string('가', 10_000), 50);
        Assert.Equal(51, escaped.Length);
        Assert.EndsWith("…", escaped, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "파드가 뭐야?", null, Lang.Ko)]
    [InlineData(null, "what is a pod", "ko", Lang.En)]
    [InlineData(null, "pod", "en-US", Lang.En)]
    [InlineData(null, "pod", null, Lang.Ko)]
    [InlineData(Lang.En, "파드가 뭐야?", null, Lang.En)]
    [InlineData(Lang.Ko, "what is a pod", "en-US", Lang.Ko)]
    public void Language_follows_the_saved_choice_then_the_text_then_the_locale(Lang? saved, string text, string? locale, Lang expected) =>
        Assert.Equal(expected, LanguageResolver.Resolve(saved, text, locale));
}
