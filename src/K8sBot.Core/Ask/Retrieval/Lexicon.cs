using System.Runtime.CompilerServices;
namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// Words that carry no topic: question words, chat filler and the cue words that change the
/// shape of the answer (comparison, example). They never count as evidence for a concept.
/// </summary>
internal static class Lexicon
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        // English function words and chat filler.
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "am", "what", "whats", "how", "do", "does", "did", "i", "me",
        "my", "we", "our", "you", "your", "it", "its", "this", "that", "these", "those", "to", "of", "in", "on", "at", "for",
        "with", "from", "by", "about", "as", "and", "or", "but", "if", "then", "so", "can", "could", "should", "would", "will",
        "may", "might", "must", "need", "want", "wanna", "gonna", "please", "plz", "pls", "thx", "thank", "thanks", "hey", "hi",
        "hello", "yo", "lol", "lmao", "haha", "umm", "um", "hmm", "uh", "bot", "k8sbot", "k8s", "kubernetes", "explain", "explained",
        "tell", "show", "know", "mean", "meaning", "why", "when", "where", "which", "who", "there", "here", "some", "any",
        "just", "really", "even", "like", "use", "used", "using", "get", "s", "t", "d", "ll", "re", "ve", "m", "vs", "versus",
        "difference", "differences", "different", "differ", "compare", "comparison", "between", "than", "not", "no", "yes",
        "ok", "okay", "help", "work", "works", "way", "thing", "things", "stuff", "example", "examples", "sample", "yaml",
        "manifest", "simple", "word", "words", "basics", "basic", "guys", "anyone", "someone", "it's", "into", "out", "up",
        "kind", "kinds", "type", "types", "much", "many", "very", "also", "too", "all", "again", "does", "done", "doing",
        // Korean question words, endings and filler (compared against the word and its stem).
        "뭐", "뭐야", "뭔가요", "뭐예요", "뭐에요", "뭐임", "뭐지", "뭐죠", "뭔지", "뭔데", "뭔데요", "뭘", "뭐가", "무엇", "무엇인가요",
        "무슨", "어떤", "어떻게", "왜", "언제", "어디", "어디서", "어디에", "누가", "방법", "법", "하는", "하는법", "하려면", "해야",
        "해", "해요", "해줘", "할", "한", "하나요", "좀", "혹시", "그냥", "제발", "그게", "그거", "이거", "저거", "이건", "그건",
        "질문", "쿠버네티스", "쿠버", "차이", "차이점", "비교", "예시", "예제", "샘플", "있어", "있나요", "있어요", "되나요",
        "돼", "돼요", "써야", "써요", "쓰는", "거", "것", "건가요", "거야", "거예요", "수", "안녕", "안녕하세요", "네", "아니",
        "아니면", "중에", "다른", "달라", "다른가요", "다르", "아시는", "분", "님", "주세요", "줘", "이랑", "하고", "그리고",
        "싶어", "싶어요", "싶은데", "싶다", "싶습니다", "원해", "원해요", "필요해", "필요해요", "필요한데", "하고싶어", "할까", "할까요",
        "정말", "진짜", "대해", "대해서", "관해", "관련", "뭐하는", "뭐해", "하는지", "인가요", "이야", "요", "에서", "그럼",
        "의미", "뜻", "개념",
        // Verb stems left by KoreanVerbs that only carry grammar (하다, 되다, 있다, 싶다, 주다, 보다 as "try", 쓰다 as "use").
        "하", "되", "있", "없", "싶", "같", "주", "보", "쓰",
    };

    /// <summary>Korean verb stems whose every form is a request, not a topic (알려줘, 설명해 주세요).</summary>
    private static readonly string[] StopPrefixes = ["설명", "알려", "궁금", "어떻게", "보여", "가르쳐", "부탁", "뭐가", "무엇", "뭔가"];

    private static readonly HashSet<string> ComparisonWords = new(StringComparer.Ordinal)
    {
        "vs", "versus", "difference", "differences", "different", "differ", "compare", "compared", "comparison", "or",
        "between", "아니면", "중에", "중",
    };

    private static readonly string[] ComparisonPrefixes = ["차이", "비교", "다른", "다르", "달라", "다름", "구분"];

    private static readonly HashSet<string> ExampleWords = new(StringComparer.Ordinal)
    {
        "example", "examples", "sample", "yaml", "manifest", "manifests", "snippet", "template",
    };

    private static readonly string[] ExamplePrefixes = ["예시", "예제", "샘플", "매니페스트", "템플릿"];

    private static readonly HashSet<string> DefinitionWords = new(StringComparer.Ordinal)
    {
        "what", "whats", "define", "definition", "meaning", "mean", "means", "뭐야", "뭔가요", "뭐예요", "뭐에요", "뭐임", "뭐지", "뭐죠",
        "무엇", "무엇인가요", "뭔지", "뭔데", "뭔데요",
    };

    private static readonly string[] DefinitionEndings = ["뭐야", "뭔가요", "뭐예요", "뭐에요", "뭐임", "뭐지", "뭐죠", "이란", "란", "뭔지"];

    /// <summary>"What is ...", "...이 뭐야", "...란?": the question asks for a definition.</summary>
    public static bool IsDefinitionCue(in QueryToken token)
    {
        if (DefinitionWords.Contains(token.Text))
        {
            return true;
        }

        if (token.Script != Script.Hangul || token.Stem.Length == token.Text.Length)
        {
            return false;
        }

        foreach (var ending in DefinitionEndings)
        {
            if (token.Text.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <summary>All the roles of a word, computed once per token by the tokenizer.</summary>
    public static WordRole Classify(in QueryToken token) =>
        (IsStop(token) ? WordRole.Stop : 0)
        | (IsComparisonCue(token) ? WordRole.ComparisonCue : 0)
        | (IsExampleCue(token) ? WordRole.ExampleCue : 0)
        | (IsDefinitionCue(token) ? WordRole.DefinitionCue : 0);

    public static bool IsStop(in QueryToken token) =>
        Stop.Contains(token.Text) || Stop.Contains(token.Stem) || IsSmallNumber(token.Text)
        || (token.Script == Script.Hangul && (StartsWithAny(token.Text, StopPrefixes) || Stemmer.IsParticleChain(token.Text) || IsStopWithParticles(token)));

    /// <summary>"3 replicas", "node-3", "2 pods": a one- or two-digit number carries no topic (ports such as 6443 do).</summary>
    private static bool IsSmallNumber(string text) => text.Length <= 2 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>A stop word carrying particles is still a stop word: 뭘로, 이거는, 어디에서.</summary>
    private static bool IsStopWithParticles(in QueryToken token)
    {
        var lookup = Stop.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 1; k < token.Text.Length && k < 64; k++)
        {
            if ((token.Cuts & (1UL << k)) != 0 && lookup.Contains(token.Text.AsSpan(0, k)))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsComparisonCue(in QueryToken token) =>
        ComparisonWords.Contains(token.Text) || (token.Script == Script.Hangul && StartsWithAny(token.Text, ComparisonPrefixes));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsExampleCue(in QueryToken token) =>
        ExampleWords.Contains(token.Text) || (token.Script == Script.Hangul && StartsWithAny(token.Text, ExamplePrefixes));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsWithAny(string text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
