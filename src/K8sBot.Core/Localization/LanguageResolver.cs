namespace K8sBot.Core.Localization;

/// <summary>
/// Picks the reply language: the user's saved choice wins; otherwise Hangul in a natural-language
/// question means Korean and an English sentence (two or more Latin words, no Hangul) means English;
/// otherwise the platform locale; otherwise Korean, the team's language. Command words
/// (<c>help</c>, <c>card pod</c>) are not evidence: pass only the free text of a question.
/// </summary>
public static class LanguageResolver
{
    public static Lang Resolve(Lang? saved, string? text, string? locale)
    {
        if (saved is { } chosen)
        {
            return chosen;
        }

        if (LangExtensions.ContainsHangul(text))
        {
            return Lang.Ko;
        }

        if (!string.IsNullOrWhiteSpace(text) && LatinWordCount(text) >= 2)
        {
            return Lang.En;
        }

        return LangExtensions.TryParse(locale, out var fromLocale) ? fromLocale : Lang.Ko;
    }

    private static int LatinWordCount(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var latin = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
            if (latin && !inWord)
            {
                words++;
            }

            inWord = latin;
        }

        return words;
    }
}
