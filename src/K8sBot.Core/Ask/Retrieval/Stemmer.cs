using System.Runtime.CompilerServices;
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

    private const string OneSyllableParticles = "이은는을를랑와";

    public static string Stem(string word, Script script) => script == Script.Latin ? EnglishStem(word) : word;

    /// <summary>
    /// Bit k is set when the word from position k on (k ≥ 1) is a chain of particles and endings, so
    /// the first k letters could be the word's stem. One right-to-left pass: each position needs
    /// a known piece followed by a shorter chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong SuffixCuts(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 63)
        {
            return 0;
        }

        Span<byte> pieces = stackalloc byte[word.Length + 1];
        Chains(word, pieces, from: 1);
        ulong cuts = 0;
        for (var i = word.Length - 1; i >= 1; i--)
        {
            if (pieces[i] <= MaxPieces)
            {
                cuts |= 1UL << i;
            }
        }

        return cuts;
    }

    /// <summary>
    /// The whole word is particles and endings, with no stem: "를" left over when "DB를" splits at the
    /// change of script, or "해서". Such a word carries no topic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsParticleChain(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 8)
        {
            return false;
        }

        Span<byte> pieces = stackalloc byte[word.Length + 1];
        Chains(word, pieces, from: 0);
        return pieces[0] <= MaxPieces;
    }

    /// <summary>Right to left: pieces[i] is the fewest known pieces that make up word[i..] (byte.MaxValue: none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Chains(ReadOnlySpan<char> word, Span<byte> pieces, int from)
    {
        pieces[word.Length] = 0;
        var lookup = Pieces.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = word.Length - 1; i >= from; i--)
        {
            var best = byte.MaxValue;
            for (var k = 1; k <= 4 && i + k <= word.Length; k++)
            {
                if (pieces[i + k] < MaxPieces && lookup.Contains(word.Slice(i, k)))
                {
                    best = Math.Min(best, (byte)(pieces[i + k] + 1));
                }
            }

            pieces[i] = best;
        }
    }

    /// <summary>The shortest prefix of two or more syllables followed by a suffix chain, or the word itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string KoreanStem(string word, ulong cuts)
    {
        // A one-syllable noun with one case particle (앱이, 잡을, 롤은): particles that rarely end a two-syllable
        // noun themselves (추가, 경로, 결과 keep theirs).
        if (word.Length == 2 && OneSyllableParticles.Contains(word[1]))
        {
            return word[..1];
        }

        for (var k = 2; k < word.Length; k++)
        {
            if ((cuts & (1UL << k)) != 0)
            {
                return word[..k];
            }
        }

        return word;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        var suffixed = false;
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = w[..^3];
            suffixed = true;
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
            suffixed = true;
        }

        // running → run, stopped → stop, scheduled → schedul (both sides agree); but install, pull, access keep theirs.
        if (suffixed && w.Length >= 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !IsVowel(w[^1]))
        {
            w = w[..^1];
        }

        return w;
    }
}
