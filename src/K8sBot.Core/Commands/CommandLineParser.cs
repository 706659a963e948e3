using System.Globalization;
using System.Text.RegularExpressions;
using K8sBot.Core.Localization;

namespace K8sBot.Core.Commands;

/// <summary>
/// Turns a line into a command using the declared <see cref="CommandSpec"/>s. Arguments are
/// matched by shape, not only position, so <c>daily on en</c> and <c>match start teams</c> work:
/// a token goes to the first remaining argument that accepts it, with exact keywords (flags,
/// choices) first, then typed shapes (numbers, times, zones, languages), then free words.
/// </summary>
public sealed partial class CommandLineParser
{
    private const string Prefix = "/k8s";

    /// <summary>
    /// Longer input is cut before parsing: Discord messages stop at 2,000 characters (4,000 with
    /// Nitro) and no command or question needs more; a 100,000-character paste must stay cheap.
    /// </summary>
    public const int MaxInputLength = 4000;
    private readonly IReadOnlyList<CommandSpec> _specs;
    private readonly HashSet<string> _groups;

    public CommandLineParser(IEnumerable<CommandSpec> specs)
    {
        _specs = [.. specs];
        _groups = _specs.Select(s => s.Group).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<CommandSpec> Specs => _specs;

    public ParseOutcome Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = (text.Length > MaxInputLength ? text[..MaxInputLength] : text).Trim();
        var explicitPrefix = false;
        if (line.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && (line.Length == Prefix.Length || char.IsWhiteSpace(line[Prefix.Length])))
        {
            line = line[Prefix.Length..].TrimStart();
            explicitPrefix = true;
        }

        var tokens = Tokenize(line);
        if (tokens.Count == 0)
        {
            return explicitPrefix ? new ParseOutcome.IncompleteGroup(string.Empty, _specs) : new ParseOutcome.FreeText(string.Empty);
        }

        var first = tokens[0].Value.ToLowerInvariant();
        if (_groups.Contains(first))
        {
            var members = _specs.Where(s => s.Group == first).ToList();
            var second = tokens.Count > 1 ? tokens[1].Value.ToLowerInvariant() : null;
            var spec = members.FirstOrDefault(s => s.Name == second);
            return spec is null
                ? new ParseOutcome.IncompleteGroup(first, members)
                : ParseArgs(spec, line, tokens.Skip(2).ToList());
        }

        var single = _specs.FirstOrDefault(s => s.Group is null && s.Name == first);
        if (single is not null)
        {
            return ParseArgs(single, line, tokens.Skip(1).ToList());
        }

        // A short line whose first word is one typo away from a command is a mistyped command,
        // not a question; anything longer is a question for ask.
        if (tokens.Count <= 3 && IsAsciiWord(first))
        {
            var suggestion = Suggest(first);
            if (suggestion is not null || explicitPrefix && tokens.Count == 1 && !LangExtensions.ContainsHangul(first))
            {
                return new ParseOutcome.UnknownCommand(tokens[0].Value, suggestion);
            }
        }

        return new ParseOutcome.FreeText(line);
    }

    private ParseOutcome ParseArgs(CommandSpec spec, string line, IReadOnlyList<Token> tokens)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var filled = new bool[spec.Args.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var index = FindArg(spec, filled, token.Value);
            if (index < 0)
            {
                return new ParseOutcome.BadArguments(spec, new LocalizedText(
                    $"`{Escape(token.Value)}`은(는) 이 명령에서 쓸 수 없는 값입니다.",
                    $"`{Escape(token.Value)}` is not something this command takes."));
            }

            var arg = spec.Args[index];
            filled[index] = true;
            if (arg.Kind == ArgKind.Text)
            {
                values[arg.Name] = line[token.Start..].Trim();
                break;
            }

            var problem = Validate(arg, token.Value, out var normalised);
            if (problem is not null)
            {
                return new ParseOutcome.BadArguments(spec, problem);
            }

            values[arg.Name] = normalised;
        }

        var missing = spec.Args.FirstOrDefault(a => a.Required && !values.ContainsKey(a.Name));
        if (missing is not null)
        {
            return new ParseOutcome.BadArguments(spec, new LocalizedText(
                $"`{missing.Name}` 값이 필요합니다 ({missing.Description.Ko}).",
                $"`{missing.Name}` is required ({missing.Description.En})."));
        }

        return new ParseOutcome.Command(spec, new CommandArgs(values));
    }

    private static int FindArg(CommandSpec spec, bool[] filled, string token)
    {
        var lower = token.ToLowerInvariant();
        int? keyword = null, typed = null, loose = null;
        for (var i = 0; i < spec.Args.Count; i++)
        {
            if (filled[i])
            {
                continue;
            }

            var arg = spec.Args[i];
            switch (arg.Kind)
            {
                case ArgKind.Flag when lower == arg.Name || arg.Aliases.Contains(lower):
                case ArgKind.Choice when arg.Choices.Contains(lower):
                    keyword ??= i;
                    break;
                case ArgKind.Integer when IntegerShape().IsMatch(token):
                case ArgKind.Time when TimeShape().IsMatch(token):
                case ArgKind.TimeZone when token.Contains('/', StringComparison.Ordinal) || lower is "utc" or "etc/utc":
                case ArgKind.Language when LangExtensions.TryParse(token, out _):
                    typed ??= i;
                    break;
                case ArgKind.Word or ArgKind.Text or ArgKind.User:
                    loose ??= i;
                    break;
            }
        }

        return keyword ?? typed ?? loose ?? -1;
    }

    private static LocalizedText? Validate(ArgSpec arg, string token, out string normalised)
    {
        normalised = token;
        switch (arg.Kind)
        {
            case ArgKind.Integer:
                if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < arg.Min || n > arg.Max)
                {
                    return new LocalizedText(
                        $"`{arg.Name}`은(는) {arg.Min}부터 {arg.Max} 사이의 숫자여야 합니다 (입력: `{Escape(token)}`).",
                        $"`{arg.Name}` must be a number from {arg.Min} to {arg.Max} (got `{Escape(token)}`).");
                }

                normalised = n.ToString(CultureInfo.InvariantCulture);
                return null;
            case ArgKind.Time:
                var parts = token.Split(':');
                if (!int.TryParse(parts[0], out var h) || !int.TryParse(parts[1], out var m) || h > 23 || m > 59)
                {
                    return new LocalizedText(
                        $"`{Escape(token)}`은(는) 올바른 시각이 아닙니다. 00:00부터 23:59 사이로 적어 주세요 (예: `09:00`).",
                        $"`{Escape(token)}` is not a valid time. Use 00:00 to 23:59 (for example `09:00`).");
                }

                normalised = $"{h:00}:{m:00}";
                return null;
            case ArgKind.TimeZone:
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(token, out var zone) || !zone.HasIanaId && !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out _))
                {
                    return new LocalizedText(
                        $"`{Escape(token)}`은(는) 알 수 없는 시간대입니다. IANA 시간대 이름을 적어 주세요 (예: `Asia/Seoul`, `America/New_York`).",
                        $"`{Escape(token)}` is not a time zone I know. Use an IANA time zone id (for example `Asia/Seoul`, `America/New_York`).");
                }

                normalised = zone.Id;
                return null;
            case ArgKind.Language:
                LangExtensions.TryParse(token, out var lang);
                normalised = lang.Code();
                return null;
            case ArgKind.Flag:
                normalised = "true";
                return null;
            case ArgKind.Choice:
                normalised = token.ToLowerInvariant();
                return null;
            default:
                return null;
        }
    }

    private CommandSpec? Suggest(string word)
    {
        var names = _specs.Select(s => s.Group ?? s.Name).Distinct(StringComparer.Ordinal);
        var best = names
            .Select(n => (Name: n, Distance: Levenshtein.Distance(word, n)))
            .Where(x => x.Distance > 0 && x.Distance <= (x.Name.Length <= 4 ? 1 : 2))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Name is null ? null : _specs.First(s => (s.Group ?? s.Name) == best.Name);
    }

    private static bool IsAsciiWord(string word) => word.Length > 1 && word.All(c => c is >= 'a' and <= 'z');

    /// <summary>For echoing a token inside a code span in an error message.</summary>
    internal static string Escape(string token) => Messaging.UserText.EscapeInCode(token);

    private static List<Token> Tokenize(string line)
    {
        var tokens = new List<Token>();
        foreach (Match match in TokenPattern().Matches(line))
        {
            tokens.Add(new Token(match.Value, match.Index));
        }

        return tokens;
    }

    private readonly record struct Token(string Value, int Start);

    [GeneratedRegex(@"\S+")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^-?\d{1,9}$")]
    private static partial Regex IntegerShape();

    [GeneratedRegex(@"^\d{1,2}:\d{1,2}$")]
    private static partial Regex TimeShape();
}
