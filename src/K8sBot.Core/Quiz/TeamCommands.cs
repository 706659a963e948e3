using System.Text;
using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;

namespace K8sBot.Core.Quiz;

/// <summary><c>team join &lt;name&gt;</c>.</summary>
internal sealed class TeamJoinCommand(TeamStore teams) : ICommandHandler
{
    private static readonly LocalizedText BadName = new(
        "팀 이름은 글자·숫자·공백·`-`·`_`로 {0}자 이내여야 해요.\n**사용법:** `{1}`",
        "A team name is letters, digits, spaces, `-` or `_`, at most {0} characters.\n**Usage:** `{1}`");
    private static readonly LocalizedText Joined = new("**{0}** 팀에 들어갔어요.", "You joined team **{0}**.");
    private static readonly LocalizedText Switched = new("**{1}** 팀에서 나와 **{0}** 팀에 들어갔어요.", "You left **{1}** and joined **{0}**.");
    private static readonly LocalizedText Same = new("이미 **{0}** 팀이에요.", "You're already in **{0}**.");

    public CommandSpec Spec => BotCommands.TeamJoin;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = context.Lang;
        if (!TeamName.TryNormalize(context.Args.Text("name"), out var display, out var key))
        {
            return Done(Reply.Text(BadName.Format(lang, TeamName.MaxLength, Spec.Usage), ReplyKind.Warning, ReplyVisibility.Private));
        }

        var tenant = context.Where.Tenant;
        var before = teams.Of(tenant, context.User.Id);
        if (before?.TeamKey == key)
        {
            return Done(Reply.Text(Same.Format(lang, UserText.Escape(before.TeamName, 40)), ReplyKind.Info, ReplyVisibility.Private));
        }

        var joined = teams.Join(tenant, context.User.Id, display, key);
        var text = before is null
            ? Joined.Format(lang, UserText.Escape(joined.TeamName, 40))
            : Switched.Format(lang, UserText.Escape(joined.TeamName, 40), UserText.Escape(before.TeamName, 40));
        return Done(Reply.Text(text, ReplyKind.Success, ReplyVisibility.Private));
    }

    private static Task<IReadOnlyList<Reply>> Done(Reply reply) => Task.FromResult<IReadOnlyList<Reply>>([reply]);
}

/// <summary><c>team leave</c>.</summary>
internal sealed class TeamLeaveCommand(TeamStore teams) : ICommandHandler
{
    private static readonly LocalizedText Left = new("**{0}** 팀에서 나왔어요.", "You left team **{0}**.");
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
