using System.Text;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Commands;

/// <summary><c>help [command]</c>: the command list, or one command's usage and details.</summary>
public sealed class HelpCommand : ICommandHandler
{
    private static readonly LocalizedText Title = new("K8sBot 명령", "K8sBot commands");
    private static readonly LocalizedText Intro = new(
        "명령 없이 그냥 질문해도 돼요 (예: `파드가 뭐야?`). `help 명령`으로 자세한 사용법을 볼 수 있어요.",
        "You can also just ask (e.g. `what is a pod?`). `help <command>` shows details.");
    private static readonly LocalizedText Unknown = new("`{0}`이라는 명령은 없어요.", "There is no command `{0}`.");
    private static readonly LocalizedText AdminOnly = new("관리자 전용", "admins only");

    public CommandSpec Spec => BotCommands.Help;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = context.Lang;
        var topic = context.Args.Text("command")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(topic))
        {
            return Done(Overview(lang));
        }

        var matches = BotCommands.All.Where(s => s.Path == topic || s.Group == topic || s.Name == topic && s.Group is null).ToList();
        if (matches.Count == 0)
        {
            var reply = Overview(lang);
            return Done(reply with
            {
                Blocks = [new MarkdownBlock(Unknown.Format(lang, CommandLineParser.Escape(topic))), .. reply.Blocks],
                Kind = ReplyKind.Warning,
            });
        }

        return Done(Detail(matches, lang));
    }

    public static Reply Detail(IReadOnlyList<CommandSpec> specs, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var blocks = new List<Block>();
        foreach (var spec in specs)
        {
            var text = new StringBuilder();
            text.Append("**`").Append(spec.Usage).Append("`**");
            if (spec.AdminOnly)
            {
                text.Append(" (").Append(AdminOnly.For(lang)).Append(')');
            }

            text.Append('\n').Append(spec.Summary.For(lang));
            foreach (var arg in spec.Args)
            {
                text.Append("\n- `").Append(arg.Name).Append("`: ").Append(arg.Description.For(lang));
            }

            if (spec.Details is { } details)
            {
                text.Append('\n').Append(details.For(lang));
            }

            blocks.Add(new MarkdownBlock(text.ToString()));
        }

        return new Reply { Blocks = blocks, Fallback = string.Join(" | ", specs.Select(s => s.Usage)), Visibility = ReplyVisibility.Private };
    }

    private static Reply Overview(Lang lang)
    {
        var lines = BotCommands.All.Select(s => $"`{s.Usage}` — {s.Summary.For(lang)}");
        return new Reply
        {
            Blocks = [new TitleBlock(Title.For(lang)), new MarkdownBlock(string.Join('\n', lines)), new ContextBlock(Intro.For(lang))],
            Fallback = Title.For(lang),
            Visibility = ReplyVisibility.Private,
        };
    }

    private static Task<IReadOnlyList<Reply>> Done(Reply reply) => Task.FromResult<IReadOnlyList<Reply>>([reply]);
}
