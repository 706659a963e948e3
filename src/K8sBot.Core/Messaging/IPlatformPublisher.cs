namespace K8sBot.Core.Messaging;

/// <summary>One adapter's half of <see cref="IChatPublisher"/>; the composite picks it by <see cref="Platform"/>.</summary>
public interface IPlatformPublisher : IChatPublisher
{
    Platform Platform { get; }
}
