namespace K8sBot.Core.Content;

/// <summary>The content folder has problems; the bot does not start on a broken curriculum.</summary>
public sealed class ContentInvalidException : Exception
{
    public ContentInvalidException()
    {
    }

    public ContentInvalidException(string message)
        : base(message)
    {
    }

    public ContentInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
