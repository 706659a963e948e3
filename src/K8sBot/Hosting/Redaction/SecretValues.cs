namespace K8sBot.Hosting.Redaction;

/// <summary>
/// The configured secret values (tokens, signing secrets) that must never reach a log line.
/// Read from configuration by key, so a secret is covered however it was supplied.
/// </summary>
internal sealed class SecretValues
{
    /// <summary>Configuration keys whose values are secrets.</summary>
    public static readonly string[] Keys = ["Discord:Token", "Slack:BotToken", "Slack:AppToken", "Slack:SigningSecret"];

    private readonly string[] _values;

    public SecretValues(IConfiguration configuration)
    {
        _values = [.. Keys.Select(k => configuration[k]).OfType<string>().Where(v => v.Length >= 8).Distinct(StringComparer.Ordinal)];
    }

    public SecretValues(IEnumerable<string> values)
    {
        _values = [.. values.Where(v => v.Length >= 8)];
    }

    public const string Mask = "***";

    /// <summary>Also masks anything shaped like a Slack token or a Discord interaction token passed in a URL.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var value in _values)
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return TokenShapes.Redact(text);
    }
}
