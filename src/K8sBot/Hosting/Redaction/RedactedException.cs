namespace K8sBot.Hosting.Redaction;

/// <summary>An exception's type, message and stack as text with secrets masked, for logging only.</summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException(Exception original, SecretValues secrets)
        : base(secrets?.Redact(original?.Message ?? string.Empty))
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(secrets);
        _text = secrets.Redact(original.ToString());
    }

    public RedactedException()
        : this(new InvalidOperationException(), new SecretValues([]))
    {
    }

    public RedactedException(string message)
        : this(new InvalidOperationException(message), new SecretValues([]))
    {
    }

    public RedactedException(string message, Exception innerException)
        : this(new InvalidOperationException(message, innerException), new SecretValues([]))
    {
    }

    public override string? StackTrace => null;

    public override string ToString() => _text;
}
