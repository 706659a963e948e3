using K8sBot.Core.Messaging;

namespace K8sBot.Core.Commands;

/// <summary>The one entry point every adapter calls. Never throws for bad input; always answers.</summary>
public interface IChatCore
{
    Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken);
}
