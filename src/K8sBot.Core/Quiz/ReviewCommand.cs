using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Quiz;

/// <summary><c>review</c>: the most overdue concept, or when the next review is.</summary>
internal sealed class ReviewCommand(PersonalQuiz quiz) : ICommandHandler
{
    public CommandSpec Spec => BotCommands.Review;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyList<Reply>>([quiz.Review(context.Where.Tenant, context.User, context.Lang)]);
    }
}
