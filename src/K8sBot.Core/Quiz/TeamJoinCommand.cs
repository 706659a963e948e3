using K8sBot.Core.Commands;
using K8sBot.Core.Limits;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Quiz;

/// <summary><c>team join &lt;name&gt;</c>.</summary>
internal sealed class TeamJoinCommand(TeamStore teams, IOptions<LimitsOptions> limits) : ICommandHandler
{
    private static readonly LocalizedText BadName = new(
        "팀 이름은 글자·숫자·공백·`-`·`_`로 {0}자 이내여야 해요.\n**사용법:** `{1}`",
        "A team name is letters, digits, spaces, `-` or `_`, at most {0} characters.\n**Usage:** `{1}`");
    private static readonly LocalizedText Joined = new("팀 **{0}**에 들어갔어요.", "You joined team **{0}**.");
    private static readonly LocalizedText Switched = new("팀 **{1}**에서 나와 팀 **{0}**에 들어갔어요.", "You left **{1}** and joined **{0}**.");
    private static readonly LocalizedText TooMany = new(
        "이 워크스페이스에는 팀이 이미 {0}개 있어요. `team list`에서 기존 팀을 골라 주세요.",
        "This workspace already has {0} teams. Pick an existing one from `team list`.");
    private static readonly LocalizedText Same = new("이미 팀 **{0}**에 속해 있어요.", "You're already in **{0}**.");

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

        var max = limits.Value.MaxTeamsPerTenant;
        if (!teams.Exists(tenant, key) && teams.TeamCount(tenant) >= max)
        {
            return Done(Reply.Text(TooMany.Format(lang, max), ReplyKind.Warning, ReplyVisibility.Private));
        }

        var joined = teams.Join(tenant, context.User.Id, display, key);
        var text = before is null
            ? Joined.Format(lang, UserText.Escape(joined.TeamName, 40))
            : Switched.Format(lang, UserText.Escape(joined.TeamName, 40), UserText.Escape(before.TeamName, 40));
        return Done(Reply.Text(text, ReplyKind.Success, ReplyVisibility.Private));
    }

    private static Task<IReadOnlyList<Reply>> Done(Reply reply) => Task.FromResult<IReadOnlyList<Reply>>([reply]);
}
