using System.Globalization;
using System.Runtime.CompilerServices;

namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// Splits chat text into lower-case words. Chat noise disappears here: mentions (<c>&lt;@123&gt;</c>,
/// <c>&lt;!channel&gt;</c>, <c>@bot</c>), emoji, punctuation, control characters and lone Hangul jamo
/// (ㅋㅋ, ㅠㅠ). A change of script splits a word, so <c>Pod가</c> becomes <c>pod</c> + <c>가</c>.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Questions are short; bounding the input keeps the worst case at a few microseconds.</summary>
    public const int MaxChars = 600;

    public const int MaxTokens = 32;

    private const int MaxTokenLength = 40;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<QueryToken> Tokenize(string text, int maxChars = MaxChars, int maxTokens = MaxTokens)
    {
        var tokens = new List<QueryToken>(12);
        var span = text.AsSpan(0, Math.Min(text.Length, maxChars));
        Span<char> buffer = stackalloc char[MaxTokenLength];
        var length = 0;
        var script = Script.Other;
        var i = 0;
        while (i < span.Length && tokens.Count < maxTokens)
        {
            var c = span[i];
            if (c == '<' && i + 1 < span.Length && span[i + 1] is '@' or '!' or '#')
            {
                // Slack and Discord mention syntax: <@U123>, <!channel>, <#C1|general>.
                Flush(tokens, buffer, ref length, script);
                var close = span[i..].IndexOf('>');
                i = close < 0 ? span.Length : i + close + 1;
                continue;
            }

            if (c == '@')
            {
                // A typed mention (@bot, @everyone) addresses someone; it is not part of the question.
                Flush(tokens, buffer, ref length, script);
                i++;
                while (i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] is '_' or '-' or '.'))
                {
                    i++;
                }

                continue;
            }

            if (c is '\'' or '\u2019' && length > 0 && script == Script.Latin)
            {
                // English contractions and possessives (what's, pod's, don't) end the word: "s" + "a" must not become "sa".
                Flush(tokens, buffer, ref length, script);
                i++;
                while (i < span.Length && span[i] is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
                {
                    i++;
                }

                continue;
            }

            var kind = Classify(c);
            if (kind is null)
            {
                Flush(tokens, buffer, ref length, script);
                i++;
                continue;
            }

            if (length > 0 && kind != script)
            {
                Flush(tokens, buffer, ref length, script);
            }

            script = kind.Value;
            if (length < MaxTokenLength)
            {
                var lower = char.ToLowerInvariant(c);

                // "ummm", "plzzz", "!!!": a run longer than two letters is emphasis, not spelling.
                if (length < 2 || buffer[length - 1] != lower || buffer[length - 2] != lower)
                {
                    buffer[length++] = lower;
                }
            }

            i++;
        }

        Flush(tokens, buffer, ref length, script);
        Recurrence.Annotate(tokens);
        return tokens;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Script? Classify(char c)
    {
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
        {
            return Script.Latin;
        }

        if (Hangul.IsSyllable(c))
        {
            return Script.Hangul;
        }

        if (c < 0x80 || Hangul.IsJamo(c) || char.IsSurrogate(c))
        {
            return null;
        }

        var category = char.GetUnicodeCategory(c);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter => c < 0x250 ? Script.Latin : Script.Other,
            UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ModifierLetter => Script.Other,
            _ => null,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Flush(List<QueryToken> tokens, Span<char> buffer, ref int length, Script script)
    {
        if (length == 0)
        {
            return;
        }

        var text = new string(buffer[..length]);
        length = 0;
        QueryToken token;
        if (script == Script.Hangul)
        {
            var cuts = Stemmer.SuffixCuts(text);
            token = new QueryToken(text, KoreanVerbs.Lemma(Stemmer.KoreanStem(text, cuts)), script, cuts);
        }
        else
        {
            token = new QueryToken(text, Stemmer.Stem(text, script), script);
        }

        tokens.Add(token with { Role = Lexicon.Classify(token) });
    }
}
