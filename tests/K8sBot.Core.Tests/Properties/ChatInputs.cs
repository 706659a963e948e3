using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace K8sBot.Core.Properties;

/// <summary>
/// Generators for hostile chat input: random Unicode from the scripts and code points that
/// break things (Hangul, emoji, combining marks, right-to-left, controls, NUL), mention and
/// markup injection for both platforms, command words, and occasional very long lines.
/// </summary>
internal static class ChatInputs
{
    private static readonly string[] Injections =
    [
        "@everyone", "@here", "<@&123>", "<@123>", "<@!456>", "<#789>", "<!channel>", "<!here>", "<!everyone>",
        "<!subteam^S0123|devs>", "`", "```", "||", "**", "*", "_", "~~", ">", "> ", "[x](https://evil.example)",
        "\\", "<", ">", "&amp;", "&lt;",
    ];

    private static readonly string[] Words =
    [
        "ask", "card", "concepts", "quiz", "review", "match", "start", "stop", "team", "join", "leave", "list", "score",
        "leaderboard", "daily", "on", "off", "status", "now", "lang", "help", "ko", "en", "week", "all", "people", "teams",
        "weekdays", "09:00", "25:00", "Asia/Seoul", "Mars/Base", "10", "0", "31", "-5", "999999999999", "/k8s",
        "pod", "파드", "디플로이먼트", "데몬셋이", "뭐야?", "vs", "차이", "deamonset", "rs", "ㅋㅋ", "ㅠㅠ", "plz", "🙂", "🚀",
    ];

    private static Gen<char> AnyChar() => Gen.OneOf(
        Gen.Choose(0xAC00, 0xD7A3).Select(c => (char)c),   // Hangul syllables
        Gen.Choose(0x3131, 0x318E).Select(c => (char)c),   // Hangul compatibility jamo
        Gen.Choose(0x0300, 0x036F).Select(c => (char)c),   // combining marks
        Gen.Choose(0x0590, 0x06FF).Select(c => (char)c),   // Hebrew and Arabic
        Gen.Elements('\u202E', '\u202D', '\u2066', '\u200B', '\u200F', '\uFEFF'),
        Gen.Choose(0, 31).Select(c => (char)c),            // controls, NUL
        Gen.Choose(32, 126).Select(c => (char)c),          // ASCII
        Gen.Elements('\uD83D', '\uDE00'));                  // lone surrogates

    private static Gen<string> Fragment() => Gen.OneOf(
        Gen.Elements(Injections),
        Gen.Elements(Words),
        AnyChar().ArrayOf().Select(cs => new string(cs)),
        Gen.Elements("😀", "👍🏽", "🇰🇷", "👨‍👩‍👧"));

    /// <summary>A line: mostly a handful of fragments, sometimes thousands (up to 100,000 characters).</summary>
    public static Gen<string> Line() =>
        Gen.Frequency(
            (20, Fragment().ArrayOf().Select(parts => string.Join(' ', parts))),
            (1, Gen.Choose(1_000, 100_000).SelectMany(length => Fragment().Select(f => Repeat(f, length)))));

    /// <summary>Only ASCII words and injections, so any Hangul in a reply comes from the bot.</summary>
    public static Gen<string> AsciiLine() =>
        Gen.OneOf(Gen.Elements(Injections), Gen.Elements(Words.Where(w => w.All(char.IsAscii)).ToArray()), Gen.Choose(32, 126).Select(c => ((char)c).ToString()))
            .ArrayOf()
            .Select(parts => string.Join(' ', parts));

    private static string Repeat(string fragment, int length)
    {
        var builder = new StringBuilder(length + fragment.Length);
        while (builder.Length < length)
        {
            builder.Append(fragment.Length == 0 ? "x" : fragment).Append(' ');
        }

        return builder.ToString(0, length);
    }
}
