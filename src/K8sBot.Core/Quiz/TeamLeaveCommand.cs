using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Quiz;

/// <summary><c>team leave</c>.</summary>
internal sealed class TeamLeaveCommand(TeamStore teams) : ICommandHandler
{
    private static readonly LocalizedText Left = new("팀 **{0}**에서 나왔어요.", "You left team **{0}**.");
    private static readonly LocalizedText NoTeam = new("속한 팀이 없어요. `team join 이름`으로 들어갈 수 있어요.", "You're not in a team. Use `team join NAME`.");

    public CommandSpec Spec => BotCommands.TeamLeave;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var left = teams.Leave(context.Where.Tenant, context.User.Id);
        var reply = left is null
            ? Reply.Text(NoTeam.For(context.Lang), ReplyKind.Info, ReplyVisibility.Private)
            : Reply.Text(Left.Format(context.Lang, UserText.Escape(left.TeamName, 40)), ReplyKind.Success, ReplyVisibility.Private);
        return Task.FromResult<IReadOnlyList<Reply>>([reply]);
    }
}
