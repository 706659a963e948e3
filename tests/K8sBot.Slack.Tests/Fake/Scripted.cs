namespace K8sBot.Slack.Tests.Fake;

/// <summary>A canned Web API answer, used once, before the fake's default behaviour.</summary>
internal sealed record Scripted(int Status, string Body, string? RetryAfter = null);
