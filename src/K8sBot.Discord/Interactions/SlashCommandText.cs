using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using K8sBot.Core.Commands;

namespace K8sBot.Discord.Interactions;

/// <summary>
/// Rebuilds the command line from a <c>/k8s</c> interaction's options in the declared argument
/// order (<c>match start count:3 seconds:5 teams:true</c> → <c>match start 3 5 teams</c>), so the
/// core's one parser validates everything.
/// </summary>
internal static class SlashCommandText
{
    public const string CommandName = "k8s";

    public static string? From(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!string.Equals(data["name"]?.GetValue<string>(), CommandName, StringComparison.Ordinal))
        {
            return null;
        }

        var path = new List<string>();
        var options = data["options"] as JsonArray;
        while (options is { Count: > 0 } && options[0] is JsonObject first && first["type"]?.GetValue<int>() is 1 or 2)
        {
            path.Add(first["name"]?.GetValue<string>() ?? string.Empty);
            options = first["options"] as JsonArray;
        }

        var pathText = string.Join(' ', path);
        var spec = BotCommands.All.FirstOrDefault(s => s.Path == pathText);
        if (spec is null)
        {
            return pathText;
        }

        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var option in options?.OfType<JsonObject>() ?? [])
        {
            values[option["name"]?.GetValue<string>() ?? string.Empty] = option["value"];
        }

        var text = new StringBuilder(spec.Path);
        for (var i = 0; i < spec.Args.Count; i++)
        {
            var arg = spec.Args[i];
            if (!values.TryGetValue(arg.Name, out var value) || value is null)
            {
                // The parser fills arguments by shape, so a skipped number would swallow the next one:
                // put the default in its place when a later argument is given.
                if (arg.Default is { } fallback && spec.Args.Skip(i + 1).Any(a => values.ContainsKey(a.Name)))
                {
                    text.Append(' ').Append(fallback);
                }

                continue;
            }

            var token = Token(arg, value);
            if (token.Length > 0)
            {
                text.Append(' ').Append(token);
            }
        }

        return text.ToString();
    }

    private static string Token(ArgSpec arg, JsonNode value) => arg.Kind switch
    {
        ArgKind.Flag => value is JsonValue v && v.TryGetValue<bool>(out var on) && on ? arg.Name : string.Empty,
        ArgKind.Integer => value is JsonValue n && n.TryGetValue<long>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.ToString(),
        ArgKind.User => $"<@{value}>",
        ArgKind.Text => value.ToString().Trim(),
        _ => string.Join('-', value.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
    };
}
