using K8sBot.Core.Messaging;

namespace K8sBot.Core.Commands;

/// <summary>One command. Registered in DI; the router finds it by <see cref="Spec"/>.</summary>
public interface ICommandHandler
{
    CommandSpec Spec { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
