using System.Text.Json.Nodes;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>One post to a fake response_url.</summary>
internal sealed record HookCall(string Id, JsonObject Body);
