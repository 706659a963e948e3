namespace K8sBot.Core.Ask.Retrieval;

/// <summary>Hangul helpers: syllables decompose into jamo so a typo costs one letter, not one syllable.</summary>
internal static class Hangul
{
    private const char First = '\uAC00';
    private const char Last = '\uD7A3';

    public static bool IsSyllable(char c) => c is >= First and <= Last;

    /// <summary>Compatibility jamo and conjoining jamo typed alone: ㅋㅋ, ㅠㅠ, ㅎㅎ.</summary>
    public static bool IsJamo(char c) => c is >= '\u3131' and <= '\u318E' or >= '\u1100' and <= '\u11FF';

    /// <summary>Writes the jamo of <paramref name="text"/> (initial, vowel, optional final) into <paramref name="target"/>.</summary>
    public static int Decompose(ReadOnlySpan<char> text, Span<char> target)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (n + 3 > target.Length)
            {
                break;
            }

            if (!IsSyllable(c))
            {
                target[n++] = c;
                continue;
            }

            var index = c - First;
            target[n++] = (char)(0x1100 + (index / 588));
            target[n++] = (char)(0x1161 + (index % 588 / 28));
            if (index % 28 != 0)
            {
                target[n++] = (char)(0x11A7 + (index % 28));
            }
        }

        return n;
    }
}
