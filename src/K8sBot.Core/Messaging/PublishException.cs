namespace K8sBot.Core.Messaging;

public sealed class PublishException : Exception
{
    public PublishException(PublishFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public PublishException()
        : this(PublishFailure.Transient, "Publishing failed.")
    {
    }

    public PublishException(string message)
        : this(PublishFailure.Transient, message)
    {
    }

    public PublishException(string message, Exception innerException)
        : this(PublishFailure.Transient, message, innerException)
    {
    }

    public PublishFailure Failure { get; }

    /// <summary>True when retrying can never succeed until a person fixes something.</summary>
    public bool IsPermanent => Failure is PublishFailure.ChannelGone or PublishFailure.Forbidden;
}
