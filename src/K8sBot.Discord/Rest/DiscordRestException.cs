namespace K8sBot.Discord.Rest;

/// <summary>A Discord REST call that failed for good. <see cref="Code"/> is Discord's JSON error code (0 when absent).</summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException(int status, int code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        Code = code;
    }

    public DiscordRestException()
        : this(0, 0, "Discord request failed.")
    {
    }

    public DiscordRestException(string message)
        : this(0, 0, message)
    {
    }

    public DiscordRestException(string message, Exception innerException)
        : this(0, 0, message, innerException)
    {
    }

    /// <summary>HTTP status; 0 for network failures and requests refused locally.</summary>
    public int Status { get; }

    public int Code { get; }

    /// <summary>Discord 40060: the interaction was already acknowledged (a duplicate answer, harmless).</summary>
    public bool AlreadyAcknowledged => Code == 40060;
}
