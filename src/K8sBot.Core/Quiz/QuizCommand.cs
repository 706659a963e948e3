using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Quiz;

/// <summary><c>quiz [topic|concept]</c>: one private question.</summary>
internal sealed class QuizCommand(PersonalQuiz quiz) : ICommandHandler
{
    public CommandSpec Spec => BotCommands.Quiz;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyList<Reply>>([quiz.Start(context.Where.Tenant, context.User, context.Args.Text("topic"), context.Lang)]);
    }
}
