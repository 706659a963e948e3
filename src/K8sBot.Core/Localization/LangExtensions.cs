namespace K8sBot.Core.Localization;

public static class LangExtensions
{
    public static string Code(this Lang lang) => lang == Lang.Ko ? "ko" : "en";

    /// <summary>Parses <c>ko</c>, <c>en</c>, <c>en-US</c>, <c>korean</c>, <c>한국어</c>, <c>영어</c>...</summary>
    public static bool TryParse(string? text, out Lang lang)
    {
        lang = Lang.Ko;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim().ToLowerInvariant();
        if (value is "ko" or "kr" or "korean" or "한국어" or "한글" or "한국말" || value.StartsWith("ko-", StringComparison.Ordinal))
        {
            lang = Lang.Ko;
            return true;
        }

        if (value is "en" or "english" or "영어" || value.StartsWith("en-", StringComparison.Ordinal))
        {
            lang = Lang.En;
            return true;
        }

        return false;
    }

    public static bool ContainsHangul(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
            {
                return true;
            }
        }

        return false;
    }
}
