using K8sBot.Core.Messaging;

namespace K8sBot.Core.Commands;

/// <summary>
/// Handles presses of buttons whose action id starts with <see cref="ActionPrefix"/> followed by a dot
/// (<c>quiz.answer</c> goes to prefix <c>quiz</c>). The payload is untrusted.
/// </summary>
public interface IButtonHandler
{
    string ActionPrefix { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(ButtonContext context, CancellationToken cancellationToken);
}
