namespace K8sBot.Slack.Api;

/// <summary>A Web API call that did not succeed: Slack's <c>error</c> code (or <c>http_5xx</c>, <c>network_error</c>, <c>ratelimited</c>).</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, Exception? inner = null)
        : base($"Slack {method} failed: {error}", inner)
    {
        Method = method;
        Error = error;
    }

    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : this("unknown", message, innerException)
    {
    }

    public string Method { get; } = "unknown";

    public string Error { get; } = "unknown";

    /// <summary>The token itself is bad: retrying cannot help, the adapter stops.</summary>
    public bool IsFatalAuth => SlackErrors.IsFatalAuth(Error);
}
