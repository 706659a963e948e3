using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Ask;

/// <summary><c>ask &lt;question&gt;</c>, also what free text and mentions mean.</summary>
public sealed class AskCommand(IAskEngine engine, AskReplyBuilder replies) : ICommandHandler
{
    public CommandSpec Spec => BotCommands.Ask;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var question = context.Args.Text("question") ?? string.Empty;
        var answer = string.IsNullOrWhiteSpace(question) ? AskAnswer.Decline : engine.Answer(question, context.Lang);
        return Task.FromResult<IReadOnlyList<Reply>>([replies.Build(question, answer, context.Lang)]);
    }
}
