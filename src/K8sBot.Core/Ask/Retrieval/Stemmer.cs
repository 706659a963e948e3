namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// Light, dictionary-free stemming. Korean: a word is a stem followed by a chain of particles and
/// endings (<c>크론잡</c>+<c>이</c>+<c>뭐야</c>); the stem is the shortest prefix of two or more syllables
/// whose remainder is such a chain. English: plurals and -ing/-ed. The same function runs over the
/// cards and the question, so the two always agree even where a stem is not a real word.
/// </summary>
internal static class Stemmer
{
    /// <summary>Particles, copulas, endings and question words that attach to a noun in chat.</summary>
    private static readonly HashSet<string> Pieces = new(StringComparer.Ordinal)
    {
        "이", "가", "은", "는", "을", "를", "랑", "이랑", "하고", "와", "과", "의", "에", "에서", "에게", "한테", "으로", "로",
        "도", "만", "까지", "부터", "들", "이나", "나", "이든", "든", "처럼", "보다", "이라", "라", "이라고", "라고",
        "이야", "야", "이에요", "예요", "에요", "이예요", "입니다", "이다", "다", "인가요", "인가", "인지", "인데", "인데요",
        "가요", "나요", "이죠", "죠", "지", "요", "냐", "이냐", "니", "이니", "임", "이고", "고",
        "란", "이란", "이라는", "라는", "뭐야", "뭐예요", "뭐에요", "뭐임", "뭐지", "뭐죠", "뭔가요", "뭔데", "뭔데요", "뭔지", "뭐",
        "는요", "은요", "대해", "대해서", "좀", "끼리", "마다", "별", "별로", "씩", "께", "께서", "이면", "면", "에는", "에선", "엔",
        "하려면", "려면", "하는", "하게", "하면", "해서", "해야", "하기", "할", "한", "했", "했어", "해요", "해", "되는", "돼", "된",
    };

    private const int MaxPieces = 5;

    public static string Stem(string word, Script script) => script switch
    {
        Script.Hangul => KoreanStem(word),
        Script.Latin => EnglishStem(word),
        _ => word,
    };

    /// <summary>True when <paramref name="rest"/> is empty or a chain of particles and endings.</summary>
    public static bool IsSuffixChain(ReadOnlySpan<char> rest) => Chain(rest, 0);

    /// <summary>The prefixes of a Hangul word that could be the word without its suffix chain, longest first.</summary>
    public static int[] StemLengths(string word)
    {
        var lengths = new List<int>(2) { word.Length };
        for (var k = word.Length - 1; k >= 1; k--)
        {
            if (Chain(word.AsSpan(k), 0))
            {
                lengths.Add(k);
            }
        }

        return [.. lengths];
    }

    private static string KoreanStem(string word)
    {
        for (var k = 2; k < word.Length; k++)
        {
            if (Chain(word.AsSpan(k), 0))
            {
                return word[..k];
            }
        }

        return word;
    }

    private static bool Chain(ReadOnlySpan<char> rest, int depth)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        if (depth >= MaxPieces)
        {
            return false;
        }

        var lookup = Pieces.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = Math.Min(rest.Length, 4); k >= 1; k--)
        {
            if (lookup.Contains(rest[..k]) && Chain(rest[k..], depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static string EnglishStem(string word)
    {
        var w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = string.Concat(w.AsSpan(0, w.Length - 3), "y");
        }
        else if (w.Length > 4 && w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.Length > 3 && w[^1] == 's' && w[^2] is not 's' and not 'u' and not 'i')
        {
            w = w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = w[..^3];
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        return w;
    }
}
