using System.Text;
using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Content;

/// <summary><c>concepts [category]</c>: the catalogue by category, in curriculum order.</summary>
public sealed class ConceptsCommand(ContentCatalog catalog) : ICommandHandler
{
    private static readonly LocalizedText Title = new("배울 수 있는 개념 ({0}개)", "Concepts I can teach ({0})");
    private static readonly LocalizedText UnknownCategory = new(
        "`{0}`이라는 분류는 없어요. 분류: {1}",
        "There is no category `{0}`. Categories: {1}");
    private static readonly LocalizedText Hint = new("`card 이름`으로 카드를 볼 수 있어요.", "`card <name>` shows a card.");

    public CommandSpec Spec => BotCommands.Concepts;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = context.Lang;
        var filter = context.Args.Text("category");
        ConceptCategory? only = null;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            if (!ConceptCategories.TryParse(filter, out var category))
            {
                var all = string.Join(", ", Enum.GetValues<ConceptCategory>().Select(c => $"`{c.Slug()}`"));
                return Done(Reply.Text(UnknownCategory.Format(lang, CommandLineParser.Escape(filter), all), ReplyKind.Warning, ReplyVisibility.Private));
            }

            only = category;
        }

        var fields = new List<Field>();
        var count = 0;
        foreach (var group in catalog.Concepts.Where(c => only is null || c.Category == only).GroupBy(c => c.Category).OrderBy(g => g.Min(c => c.Order)))
        {
            var names = new StringBuilder();
            foreach (var card in group)
            {
                names.Append(names.Length == 0 ? string.Empty : ", ").Append('`').Append(CardPresenter.ShortTitle(card, lang)).Append('`');
                count++;
            }

            fields.Add(new Field(group.Key.DisplayName(lang), names.ToString()));
        }

        var title = Title.Format(lang, count);
        return Done(new Reply
        {
            Blocks = [new TitleBlock(title), new FieldsBlock(fields), new ContextBlock(Hint.For(lang))],
            Fallback = title,
        });
    }

    private static Task<IReadOnlyList<Reply>> Done(Reply reply) => Task.FromResult<IReadOnlyList<Reply>>([reply]);
}
