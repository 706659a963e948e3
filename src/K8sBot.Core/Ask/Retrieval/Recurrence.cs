namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// Time recurrence ("한 시간마다", "매주", "every night", "hourly") is meaning the particle stripper would lose: 마다 is
/// cut off as a particle and "every" is a common word. A question (or card sentence) that expresses it gets one extra
/// word, 주기적 / periodic, which the cards for scheduled work use, so "every hour" counts toward them.
/// </summary>
internal static class Recurrence
{
    private static readonly string[] KoreanUnits =
        ["시간", "분", "초", "일", "주", "주일", "달", "월", "년", "밤", "아침", "새벽", "저녁", "점심", "요일", "주말", "개월", "시", "날"];

    private static readonly HashSet<string> EnglishUnits = new(StringComparer.Ordinal)
    {
        "second", "minute", "hour", "day", "night", "morning", "evening", "week", "weekend", "month", "year", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "midnight",
    };

    private static readonly HashSet<string> EnglishAdverbs = new(StringComparer.Ordinal)
    {
        "hourly", "nightly", "daily", "weekly", "monthly", "yearly", "everyday",
    };

    /// <summary>Appends 주기적 or periodic once when the text expresses a recurrence.</summary>
    public static void Annotate(List<QueryToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Script == Script.Hangul && IsKoreanRecurrence(token))
            {
                tokens.Add(new QueryToken("주기적", "주기적", Script.Hangul));
                return;
            }

            if (token.Script == Script.Latin
                && (EnglishAdverbs.Contains(token.Text)
                    || (token.Text is "every" or "each" && i + 1 < tokens.Count && EnglishUnits.Contains(tokens[i + 1].Stem))))
            {
                tokens.Add(new QueryToken("periodic", "periodic", Script.Latin));
                return;
            }
        }
    }

    /// <summary>매일, 매주, 매시간; 한 시간마다, 월요일마다, 새벽마다 (but not 노드마다, "per node").</summary>
    private static bool IsKoreanRecurrence(in QueryToken token)
    {
        var text = token.Text;
        if (text.Length >= 2 && text[0] == '매' && EndsWithUnit(text.AsSpan(1), whole: true, token))
        {
            return true;
        }

        var at = text.IndexOf("마다", StringComparison.Ordinal);
        return at >= 1 && at < 64 && (token.Cuts & (1UL << at)) != 0 && EndsWithUnit(text.AsSpan(0, at), whole: false, token);
    }

    private static bool EndsWithUnit(ReadOnlySpan<char> text, bool whole, in QueryToken token)
    {
        foreach (var unit in KoreanUnits)
        {
            if (whole ? text.StartsWith(unit, StringComparison.Ordinal) : text.EndsWith(unit, StringComparison.Ordinal))
            {
                return !whole || text.Length == unit.Length || (token.Cuts & (1UL << (unit.Length + 1))) != 0;
            }
        }

        return false;
    }
}
