using System.Text.RegularExpressions;

namespace K8sBot.Hosting.Redaction;

/// <summary>
/// Secrets we cannot know in advance: Slack tokens (<c>xoxb-</c>, <c>xapp-</c>...), Discord
/// interaction/webhook tokens in REST paths, and <c>Authorization</c> header values.
/// </summary>
internal static partial class TokenShapes
{
    public static string Redact(string text)
    {
        text = SlackToken().Replace(text, "$1" + SecretValues.Mask);
        text = WebhookPath().Replace(text, "$1" + SecretValues.Mask);
        return Authorization().Replace(text, "$1" + SecretValues.Mask);
    }

    [GeneratedRegex(@"\b(xox[abposr]-|xapp-)[A-Za-z0-9-]+")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(/(?:webhooks|interactions)/\d+/)[A-Za-z0-9._-]{20,}")]
    private static partial Regex WebhookPath();

    [GeneratedRegex(@"((?:Authorization|authorization)[""']?\s*[:=]\s*[""']?(?:Bot|Bearer)\s+)[^\s""',]+")]
    private static partial Regex Authorization();
}
