using System.Text;

namespace K8sBot.Discord.Rest;

/// <summary>
/// A request's rate-limit identity: <see cref="Key"/> is method + path with ids replaced (what a
/// bucket hash is learnt for); <see cref="Major"/> is the top-level resource (channel, guild,
/// webhook + token, interaction) that splits one bucket hash into separate limits.
/// </summary>
internal sealed record RestRoute(string Key, string Major, bool GlobalExempt)
{
    public static RestRoute Parse(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query >= 0 ? path[..query] : path).Trim('/').Split('/');
        var template = new StringBuilder(method.Method).Append(' ');
        var major = string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            var beforePrevious = i > 1 ? segments[i - 2] : string.Empty;
            string part;
            if (IsSnowflake(segment))
            {
                if (major.Length == 0 && previous is "channels" or "guilds" or "webhooks" or "interactions")
                {
                    major = segment;
                }

                part = "{id}";
            }
            else if (beforePrevious is "webhooks" or "interactions" && IsSnowflake(previous))
            {
                // Webhook and interaction tokens are part of the major parameter, never of the route.
                major += "/" + segment;
                part = "{token}";
            }
            else
            {
                part = segment;
            }

            template.Append('/').Append(part);
        }

        // Interaction callbacks and their webhook follow-ups are exempt from the global limit, and a
        // 401 there means an expired interaction token, not a bad bot token.
        return new RestRoute(template.ToString(), major, segments.Length > 0 && segments[0] is "interactions" or "webhooks");
    }

    private static bool IsSnowflake(string segment) => segment.Length is > 0 and <= 20 && segment.All(char.IsAsciiDigit);
}
