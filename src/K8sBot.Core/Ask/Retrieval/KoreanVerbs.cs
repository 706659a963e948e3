namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// Reduces a Korean predicate to its stem without a dictionary: <c>깔아야</c> → <c>깔</c>, <c>띄워</c> → <c>띄우</c>,
/// <c>막으려면</c> → <c>막</c>, <c>재시작됐어</c> → <c>재시작</c>. Endings are stripped from a short table, the past
/// tense final ㅆ is dropped, a contracted vowel is restored (워 → 우, 려 → 리, 해 → 하, 돼 → 되) and a verb made from a
/// noun loses its 하/되. Cards and questions go through the same function, so 막는 (card) and 막고 (question) meet
/// at 막 even where a lemma is not a dictionary form (이미지 → 이미 on both sides is harmless).
/// </summary>
internal static class KoreanVerbs
{
    /// <summary>Endings of two or more syllables, longest first; the stem before them may be one syllable (막으려면).</summary>
    private static readonly string[] LongEndings =
    [
        "고싶은데요", "고싶은데", "고싶어요", "고싶어서", "고싶어", "고싶다", "고싶", "습니다", "으려면", "으려고", "려면", "려고", "는데요",
        "는데", "은데", "는지", "은지", "나요", "까요", "을까", "어야", "아야", "어서", "아서", "어요", "아요", "어도", "아도",
        "었어", "았어", "었다", "았다", "도록", "거나", "지만", "니까", "으면", "으니", "어버", "아버", "버려", "버렸", "어있", "아있",
        "는거임", "는거야", "는건가", "는거", "는게", "은거",
    ];

    /// <summary>One-syllable endings after a stem of two or more syllables (돌리고, 늘리면, 옮기는).</summary>
    private const string ShortEndings = "고게지기는은을면서야요며다도어아으";

    /// <summary>
    /// One-syllable endings after a one-syllable stem (깔고, 막게, 뜨면). Endings that often end a two-syllable noun
    /// (순서, 필요, 속도, 크기) are left out, unless the stem is visibly a verb (띄워도, 됐다).
    /// </summary>
    private const string ShortEndingsAfterOne = "고게지면야며어아으";

    /// <summary>Contracted final syllables and the stem syllable they come from: 띄워 ← 띄우+어, 돌려 ← 돌리+어.</summary>
    private static readonly Dictionary<char, char> Contractions = new()
    {
        ['워'] = '우',
        ['려'] = '리',
        ['해'] = '하',
        ['돼'] = '되',
        ['줘'] = '주',
        ['봐'] = '보',
        ['쳐'] = '치',
        ['져'] = '지',
        ['켜'] = '키',
        ['혀'] = '히',
        ['겨'] = '기',
        ['떠'] = '뜨',
        ['써'] = '쓰',
        ['꺼'] = '끄',
        ['춰'] = '추',
        ['뤄'] = '루',
        ['놔'] = '놓',
    };

    private const int JongSsang = 20;

    /// <summary>Vowels of the syllable the past ㅆ attaches to: ㅏ ㅐ ㅓ ㅕ ㅘ ㅙ ㅝ (았, 했, 었, 였, 왔, 됐, 웠).</summary>
    private static readonly int[] PastVowels = [0, 1, 4, 6, 9, 10, 14];
    private const char FirstSyllable = '\uAC00';

    /// <summary>The predicate stem of a (particle-stripped) Korean word, or the word itself when nothing applies.</summary>
    public static string Lemma(string word)
    {
        if (word.Length < 2 || word.Length > 12)
        {
            return word;
        }

        var w = Denominalize(word);
        for (var pass = 0; pass < 2; pass++)
        {
            var stripped = StripEnding(w);
            if (stripped.Length == w.Length)
            {
                break;
            }

            w = stripped;
        }

        w = DropPast(w);
        w = DropAuxiliary(w);
        if (w.Length >= 1 && Contractions.TryGetValue(w[^1], out var open) && (w.Length >= 2 || w != word))
        {
            w = string.Concat(w.AsSpan(0, w.Length - 1), open.ToString());
        }

        // 설정하 → 설정, 재시작되 → 재시작: a verb made from a noun is about the noun.
        if (w.Length >= 3 && w[^1] is '하' or '되')
        {
            w = w[..^1];
        }

        return w.Length == 0 ? word : w;
    }

    /// <summary>
    /// A verb turned into a noun by -(으)ㅁ, as cards list symptoms: 생김 → 생기, 몰림 → 몰리, 바뀜 → 바뀌, 재시작됨 → 재시작되,
    /// 받음 → 받. Only after an i-class vowel (ㅣ ㅟ ㅚ), where passive and causative stems end, or as 음 after a closed
    /// syllable; nouns such as 사람 or 마음 keep their ㅁ.
    /// </summary>
    private static string Denominalize(string w)
    {
        var last = w[^1];
        if (Final(last) != JongMieum)
        {
            return w;
        }

        if (last == '음' && w.Length >= 2 && Final(w[^2]) > 0)
        {
            return w[..^1];
        }

        var vowel = (last - FirstSyllable) / 28 % 21;
        return vowel is VowelI or VowelWi or VowelOe ? string.Concat(w.AsSpan(0, w.Length - 1), ((char)(last - JongMieum)).ToString()) : w;
    }

    private const int JongMieum = 16;
    private const int VowelI = 20;
    private const int VowelWi = 16;
    private const int VowelOe = 11;

    private static string StripEnding(string w)
    {
        if (w.Length < 2)
        {
            return w;
        }

        foreach (var ending in LongEndings)
        {
            if (w.Length > ending.Length && w.EndsWith(ending, StringComparison.Ordinal))
            {
                return w[..^ending.Length];
            }
        }

        if (ShortEndings.Contains(w[^1]) && (w.Length >= 3 || ShortEndingsAfterOne.Contains(w[^1]) || IsVerbLike(w[^2])))
        {
            return w[..^1];
        }

        return w;
    }

    /// <summary>A one-syllable stem that shows a verb: a contracted vowel (띄워도 → 띄워) or the past ㅆ (됐고).</summary>
    private static bool IsVerbLike(char c) => Contractions.ContainsKey(c) || Final(c) == JongSsang;

    /// <summary>됐 → 돼, 했 → 해, 막았 → 막아: the past tense final ㅆ goes, leaving the contracted form.</summary>
    private static string DropPast(string w)
    {
        if (w.Length == 0 || Final(w[^1]) != JongSsang)
        {
            return w;
        }

        var open = (char)(w[^1] - JongSsang);
        if (!PastVowels.Contains((open - FirstSyllable) / 28 % 21))
        {
            // 있, 겠: a final ㅆ that is not the past tense.
            return w;
        }

        var rest = w[..^1];
        // 막았/먹었: the 아/어 syllable was an ending after a closed stem.
        return open is '아' or '어' && rest.Length > 0 ? rest : rest + open;
    }

    /// <summary>
    /// 넘겨주 → 넘겨, 만들어두 → 만들어, 써보 → 써: an auxiliary verb (give, keep, try, end up) after the 아/어 form adds
    /// no topic; the main verb before it is what cards say.
    /// </summary>
    private static string DropAuxiliary(string w)
    {
        // 해놔, 해줘: after the contracted 하여 even a two-syllable word is grammar plus an auxiliary.
        if ((w.Length < 3 && !(w.Length == 2 && w[0] == '해')) || !Auxiliaries.Contains(w[^1]))
        {
            return w;
        }

        var before = w[^2];
        var open = Hangul.IsSyllable(before) && (before - FirstSyllable) % 28 == 0
            && PastVowels.Contains((before - FirstSyllable) / 28 % 21);
        if (!open)
        {
            return w;
        }

        var rest = w[..^1];
        return rest[^1] is '아' or '어' ? rest[..^1] : rest;
    }

    private const string Auxiliaries = "주보두놓놔";

    private static int Final(char c) => Hangul.IsSyllable(c) ? (c - FirstSyllable) % 28 : -1;
}
