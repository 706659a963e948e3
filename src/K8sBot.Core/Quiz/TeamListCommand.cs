using System.Text;
using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;

namespace K8sBot.Core.Quiz;

/// <summary><c>team list</c>.</summary>
internal sealed class TeamListCommand(TeamStore teams, UserProfileStore profiles) : ICommandHandler
{
    private static readonly LocalizedText Title = new("팀 목록", "Teams");
    private static readonly LocalizedText None = new("아직 팀이 없어요. `team join 이름`으로 만들어 보세요.", "No teams yet. Create one with `team join NAME`.");

    public CommandSpec Spec => BotCommands.TeamList;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Where.Tenant;
        var groups = teams.All(tenant).GroupBy(m => m.TeamKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<Reply>>([Reply.Text(None.For(context.Lang), ReplyKind.Info, ReplyVisibility.Private)]);
        }

        var text = new StringBuilder();
        foreach (var group in groups)
        {
            var names = group.Select(m => UserText.Escape(profiles.Find(tenant, m.UserId)?.DisplayName ?? m.UserId, 40)).Order(StringComparer.Ordinal);
            text.Append("- **").Append(UserText.Escape(group.First().TeamName, 40)).Append("** (").Append(group.Count()).Append("): ").AppendJoin(", ", names).AppendLine();
        }

        var body = text.ToString().TrimEnd();
        return Task.FromResult<IReadOnlyList<Reply>>(
        [
            new Reply { Blocks = [new TitleBlock(Title.For(context.Lang)), new MarkdownBlock(body)], Fallback = PlainText.FromMarkdown(body) },
        ]);
    }
}
