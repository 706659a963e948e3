using System.Text.Json.Nodes;

namespace K8sBot.Slack.Api;

/// <summary>
/// One Web API request: a JSON body (write methods) or form fields (read methods and
/// apps.connections.open, which does not take JSON). <see cref="UseAppToken"/> picks the xapp token;
/// <see cref="PaceChannel"/> queues the call behind the channel's posting pace.
/// </summary>
internal sealed record SlackCall(string Method)
{
    public JsonObject? Json { get; init; }

    public IReadOnlyDictionary<string, string>? Form { get; init; }

    public bool UseAppToken { get; init; }

    public string? PaceChannel { get; init; }
}
