using System.Text.RegularExpressions;

namespace K8sBot.Core.Scoring;

/// <summary>Reads a person argument: a platform mention (<c>&lt;@123&gt;</c>, <c>&lt;@!123&gt;</c>, <c>&lt;@U123|name&gt;</c>) gives an id; anything else is a name.</summary>
public static partial class UserReference
{
    public static string? MentionedId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Mention().Match(text.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"^<@!?(?<id>[A-Za-z0-9]{1,40})(\|[^>]{0,80})?>$")]
    private static partial Regex Mention();
}
