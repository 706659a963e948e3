using System.Text.Json.Nodes;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>One Web API request the fake received.</summary>
internal sealed record ApiCall(string Method, string? Authorization, string Body, JsonObject? Json, IReadOnlyDictionary<string, string> Form, DateTimeOffset At)
{
    public string? Arg(string name) => Json?[name]?.ToString() ?? Form.GetValueOrDefault(name);
}
